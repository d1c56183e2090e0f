import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RISK_EVENT_BY_FIELDS } from '@riskstream/core';

const byFields = RISK_EVENT_BY_FIELDS;

/** One (window, group) row: a key of the window start and the nine by-field values, and the stats. */
export interface WindowRow {
  key: string;
  count: number;
  firstTime: number;
  lastTime: number;
}

interface RiskEventFields {
  window_start: string;
  count: number;
  first_time_epoch: number;
  last_time_epoch: number;
}

function rowKey(windowStart: number, fields: Record<string, unknown>): string {
  return JSON.stringify([windowStart, ...byFields.map((field) => fields[field])]);
}

function byKey(a: WindowRow, b: WindowRow): number {
  return a.key.localeCompare(b.key);
}

/** Reads `expected/<name>.windows.jsonl` of each dataset file as rows, sorted by key. */
export function readExpectedWindows(datasetDir: string, datasetFiles: string[]): WindowRow[] {
  return datasetFiles
    .flatMap((file) => {
      const expectedFile = path.join(datasetDir, 'expected', `${path.basename(file, '.xml')}.windows.jsonl`);
      return readFileSync(expectedFile, 'utf8').split('\n');
    })
    .filter((line) => line.trim() !== '')
    .map(
      (line) =>
        JSON.parse(line) as Record<string, unknown> & {
          window_start: number;
          count: number;
          firstTime: number;
          lastTime: number;
        },
    )
    .map((row) => ({
      key: rowKey(row.window_start, row),
      count: row.count,
      firstTime: row.firstTime,
      lastTime: row.lastTime,
    }))
    .sort(byKey);
}

/** Turns risk events into rows comparable with readExpectedWindows, sorted by key. */
export function riskEventRows(events: RiskEventFields[]): WindowRow[] {
  return events
    .map((event) => ({
      key: rowKey(Date.parse(event.window_start) / 1000, event as unknown as Record<string, unknown>),
      count: event.count,
      firstTime: event.first_time_epoch,
      lastTime: event.last_time_epoch,
    }))
    .sort(byKey);
}

/**
 * Lists the rows whose first or last time differ by more than two microseconds. Expected times
 * are 7-digit SystemTimes read as doubles, while risk events carry truncated microseconds.
 */
export function timeMismatches(actual: WindowRow[], expected: WindowRow[]): string[] {
  const isClose = (a: number, b: number) => Math.abs(a - b) < 2e-6;
  const mismatches: string[] = [];
  actual.forEach((row, index) => {
    const expectedRow = expected[index];
    if (expectedRow && isClose(row.firstTime, expectedRow.firstTime) && isClose(row.lastTime, expectedRow.lastTime))
      return;
    mismatches.push(
      `${row.key}: got ${row.firstTime}..${row.lastTime}, expected ${expectedRow?.firstTime}..${expectedRow?.lastTime}`,
    );
  });
  return mismatches;
}
