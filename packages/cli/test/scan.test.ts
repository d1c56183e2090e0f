import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RISK_EVENT_BY_FIELDS, type RiskEvent } from '@riskstream/core';
import { sharedDatasetDir, sharedDatasetFiles } from '@riskstream/testing';
import { scanFiles, type ScanResult } from '../src/commands/scan';

// Scans each shared dataset and compares the risk events with the expected (window, group) rows,
// which an independent implementation of the search computed.

interface Row {
  windowStart: number;
  values: string[];
  count: number;
  firstMicros: number;
  lastMicros: number;
}

type JsonRecord = Record<string, unknown>;

function readJsonLines(file: string): JsonRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as JsonRecord);
}

/** Reads an `_exact` epoch string such as `1710151500.1234567` as microseconds, truncating as the parser does. */
function exactMicros(text: unknown): number {
  const [whole = '', fraction = ''] = String(text).split('.');
  return Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function expectedRow(row: JsonRecord): Row {
  return {
    windowStart: Number(row.window_start),
    values: RISK_EVENT_BY_FIELDS.map((field) => String(row[field])),
    count: Number(row.count),
    // The float firstTime and lastTime are rounded, so the seven-digit `_exact` strings are compared.
    firstMicros: exactMicros(row.firstTime_exact),
    lastMicros: exactMicros(row.lastTime_exact),
  };
}

function actualRow(event: RiskEvent): Row {
  return {
    windowStart: Date.parse(event.window_start) / 1000,
    values: RISK_EVENT_BY_FIELDS.map((field) => event[field]),
    count: event.count,
    firstMicros: Math.round(event.first_time_epoch * 1_000_000),
    lastMicros: Math.round(event.last_time_epoch * 1_000_000),
  };
}

/** Sorts rows by their JSON text, so two lists with the same rows in any order compare equal. */
function sortRows(rows: Row[]): Row[] {
  const keyed = rows.map((row) => ({ key: JSON.stringify(row), row }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  return keyed.map(({ row }) => row);
}

function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

const datasetDir = sharedDatasetDir();

if (datasetDir === undefined) {
  describe.skip('scan of shared datasets (skipped: shared Sysmon datasets not found; CI=true makes this fail)', () => {
    test('not run', () => undefined);
  });
} else {
  const files = sharedDatasetFiles(datasetDir);

  describe('scan of shared datasets', () => {
    test('datasets are present', () => {
      expect(files.map((file) => path.basename(file))).toContain('crafted-spec-cases.xml');
    });

    describe.each(files.map((file) => [path.basename(file, '.xml'), file]))('%s', (name, file) => {
      const expectedFile = path.join(datasetDir, 'expected', `${name}.windows.jsonl`);
      let result: ScanResult;

      beforeAll(async () => {
        result = await scanFiles([file]);
      });

      test('has expected file', () => {
        expect(existsSync(expectedFile)).toBe(true);
      });

      test('rows match expected', () => {
        const expected = readJsonLines(expectedFile).map(expectedRow);
        expect(sortRows(result.riskEvents.map(actualRow))).toEqual(sortRows(expected));
      });

      test('no rejected events', () => {
        expect(result.summary.rejected).toEqual({});
      });

      test('no late events', () => {
        expect(result.summary.late).toBe(0);
      });
    });
  });
}
