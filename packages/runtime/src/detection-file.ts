import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDetection, type Detection } from '@riskstream/core';

/** The detection this repository ships; DETECTION_FILE points elsewhere. */
export const defaultDetectionFile = path.resolve(__dirname, '../../../detections/wmi-impersonate-token.yml');

/** Reads and validates a detection file; a missing file or invalid field raises an error naming it. */
export function loadDetectionFile(filePath: string): Detection {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read detection file ${filePath}: set DETECTION_FILE to a readable file`, { cause: error });
  }
  return parseDetection(text);
}
