import { existsSync } from 'node:fs';
import {
  EnvelopeError,
  EventXmlError,
  MemoryAggregator,
  buildRiskEvents,
  extractXml,
  parseEventXml,
  type ClosedWindow,
  type RiskEvent,
  type WindowsEvent,
} from '@riskstream/core';
import { readEventFiles, warnNoEvents } from './event-files';
import { detectEvent } from './scan-event';
import { loadScanSetup, type ScanOptions, type ScanSetup } from './scan-setup';
import { emptyScanSummary, incrementCount, type ScanSummary } from './scan-summary';

export type { ScanOptions } from './scan-setup';
export type { ScanSummary } from './scan-summary';

export interface ScanResult {
  /** Risk events ordered by window start, then by group as the aggregator orders them. */
  riskEvents: RiskEvent[];
  summary: ScanSummary;
}

// The close policy's rule (b) needs the partition idle for the idle timeout, and an infinite
// timeout never is. So only the watermark closes windows, as in a replay that outruns the wall
// clock, and the end of input flushes the rest, as rule (b) does once the replay goes quiet.
const REPLAY_CLOCK_MS = 0;
const NEVER_IDLE_MS = Number.POSITIVE_INFINITY;

/**
 * Runs normalize, detect and aggregate over the event files in one process, with window state in
 * memory, and flushes every window at the end of input. Bad event XML is counted, not thrown.
 * Throws when a file is missing or the detection, exclusions or options are invalid.
 */
export async function scanFiles(paths: readonly string[], options: ScanOptions = {}): Promise<ScanResult> {
  const missing = paths.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`input file not found: ${missing.join(', ')}; check the paths`);
  }
  const setup = loadScanSetup(options);
  const summary = emptyScanSummary();
  const closed = await aggregateFiles(paths, setup, summary);
  const riskEvents = closed.flatMap((window) =>
    buildRiskEvents(setup.compiled.detection, window, { timeZone: setup.timeZone }),
  );
  summary.windows = closed.length;
  summary.riskEvents = riskEvents.length;
  return { riskEvents, summary };
}

// NOTE: the aggregator service keeps one watermark per Kafka partition of the matches topic. A
// scan keeps one for all input, so it closes windows as a single-partition deployment would.
async function aggregateFiles(
  paths: readonly string[],
  setup: ScanSetup,
  summary: ScanSummary,
): Promise<ClosedWindow[]> {
  const aggregator = new MemoryAggregator(setup.settings);
  const closed: ClosedWindow[] = [];
  for await (const { xml } of readEventFiles([...paths], { onNoEvents: warnNoEvents })) {
    summary.eventsRead += 1;
    for (const event of normalizeMessage(xml, setup.maxMessageBytes, summary)) {
      const windowed = detectEvent(event, setup.compiled, summary);
      if (windowed === undefined) {
        continue;
      }
      // One event per batch, so lateness does not depend on how the input would be chunked.
      summary.late += aggregator.add([windowed], REPLAY_CLOCK_MS).length;
      closed.push(...aggregator.closeDue(REPLAY_CLOCK_MS, NEVER_IDLE_MS));
    }
  }
  closed.push(...aggregator.flushAll());
  return closed.sort((a, b) => a.window.start - b.window.start);
}

/** Parses one message as the ingest service does; a rejection is counted by its code. */
function normalizeMessage(xml: string, maxMessageBytes: number, summary: ScanSummary): WindowsEvent[] {
  try {
    const events = parseEventXml(extractXml(xml), { maxBytes: maxMessageBytes }).events;
    summary.normalized += events.length;
    return events;
  } catch (error) {
    if (!(error instanceof EventXmlError || error instanceof EnvelopeError)) {
      throw error;
    }
    incrementCount(summary.rejected, error.code);
    return [];
  }
}
