import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  compileDetection,
  parseDetection,
  validateRiskDetection,
  validateTimeZone,
  validateWindowSettings,
  type CompiledDetection,
  type WindowSettings,
} from '@riskstream/core';

/** The repository's detection. src/commands and dist/commands are both four levels below the root. */
export const DEFAULT_DETECTION_FILE = path.resolve(__dirname, '../../../../detections/wmi-impersonate-token.yml');

/** The ingest service's default for INGEST_MAX_MESSAGE_BYTES, and the range it accepts. */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_576;
export const MIN_MAX_MESSAGE_BYTES = 1024;
export const MAX_MAX_MESSAGE_BYTES = 104_857_600;

export interface ScanOptions {
  /** Detection YAML file, or DEFAULT_DETECTION_FILE when absent. */
  detectionFile?: string;
  /** Window length in seconds, or the detection's `window.size` when absent. */
  windowSize?: number;
  /** Seconds past each multiple of the size at which windows start, or the detection's offset when absent. */
  windowOffset?: number;
  /** Seconds after a window's end during which it still accepts events, or the detection's grace when absent. */
  grace?: number;
  /** IANA time zone of the risk events' firstTime and lastTime, or UTC when absent. */
  timeZone?: string;
  /** File with one exclusion (an SPL expression over the by-fields) per line. A line starting with `#` is a comment. */
  exclusionsFile?: string;
  /** Messages above this many UTF-8 bytes are rejected as `oversized`. */
  maxMessageBytes?: number;
}

/** Everything a scan needs, loaded and checked before the first event is read. */
export interface ScanSetup {
  /** The compiled detection, whose `detection.window` contains the effective window settings. */
  compiled: CompiledDetection;
  settings: WindowSettings;
  timeZone: string;
  maxMessageBytes: number;
}

/** Loads the detection and exclusions and applies the overrides. Throws with the file or option at fault. */
export function loadScanSetup(options: ScanOptions): ScanSetup {
  const detectionFile = options.detectionFile ?? DEFAULT_DETECTION_FILE;
  const detection = parseDetection(readText(detectionFile, 'detection'));
  validateRiskDetection(detection);
  const settings = windowSettings(detection.window, options);
  const exclusions = options.exclusionsFile === undefined ? [] : readExclusions(options.exclusionsFile);
  // Risk events take _time from detection.window, so the overrides must replace it there too.
  const compiled = compileDetection({ ...detection, window: settings }, { exclusions });
  const timeZone = options.timeZone ?? 'UTC';
  validateTimeZone(timeZone);
  return { compiled, settings, timeZone, maxMessageBytes: maxMessageBytes(options.maxMessageBytes) };
}

/** Reads exclusions, one per line. Blank lines and lines starting with `#` are skipped. */
export function parseExclusions(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function readExclusions(file: string): string[] {
  return parseExclusions(readText(file, 'exclusions'));
}

function readText(file: string, kind: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read the ${kind} file ${file}: ${reason}`, { cause: error });
  }
}

function windowSettings(fromDetection: WindowSettings, options: ScanOptions): WindowSettings {
  const settings = {
    size: options.windowSize ?? fromDetection.size,
    offset: options.windowOffset ?? fromDetection.offset,
    grace: options.grace ?? fromDetection.grace,
  };
  validateWindowSettings(settings);
  // The detection file requires 0 <= offset < size as well, so an override cannot set more.
  if (settings.offset < 0 || settings.offset >= settings.size) {
    throw new RangeError(
      `invalid window offset ${settings.offset}: set it from 0 to ${settings.size - 1} seconds, below the window size`,
    );
  }
  return settings;
}

function maxMessageBytes(value: number | undefined): number {
  const bytes = value ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(bytes) || bytes < MIN_MAX_MESSAGE_BYTES || bytes > MAX_MAX_MESSAGE_BYTES) {
    throw new RangeError(
      `invalid maximum message size ${bytes}: set it to a whole number of bytes from ${MIN_MAX_MESSAGE_BYTES} to ${MAX_MAX_MESSAGE_BYTES}`,
    );
  }
  return bytes;
}
