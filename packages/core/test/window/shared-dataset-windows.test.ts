import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RISK_EVENT_BY_FIELDS } from '../../src/risk/risk-event';
import type { ClosedWindow } from '../../src/window/closed-window';
import { MemoryAggregator } from '../../src/window/memory-aggregator';
import { eventIdentity } from '../../src/window/windowed-event';
import type { WindowedEvent } from '../../src/window/windowed-event';
import { sharedDatasetDir } from '../shared-datasets';

// Replays each dataset's expected matches through the aggregator and compares the closed windows
// with the expected (window, group) rows, which an independent implementation computed.
const SETTINGS = { size: 3600, offset: 3000, grace: 600 };
const REPLAY_NOW_MS = Date.UTC(2030, 0, 1);
const IDLE_MS = 5 * 60 * 1000;

type JsonRecord = Record<string, unknown>;

interface Row {
  windowStart: number;
  windowEnd: number;
  values: string[];
  count: number;
  firstMicros: number;
  lastMicros: number;
}

function readJsonLines(file: string): JsonRecord[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as JsonRecord);
}

/** Parses `2024-03-11T10:05:00.1234567Z`, truncating the fraction to microseconds. */
function systemTimeMicros(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/.exec(text);
  if (match === null) {
    throw new Error(`invalid SystemTime "${text}" in the matches file`);
  }
  const part = (index: number): number => Number(match[index]);
  const seconds = Date.UTC(part(1), part(2) - 1, part(3), part(4), part(5), part(6)) / 1000;
  return seconds * 1e6 + Number((match[7] ?? '').padEnd(6, '0').slice(0, 6));
}

/** Parses an `_exact` epoch string such as `1710151500.1234567`, truncating to microseconds. */
function exactMicros(text: unknown): number {
  const [whole = '', fraction = ''] = String(text).split('.');
  return Number(whole) * 1e6 + Number(fraction.padEnd(6, '0').slice(0, 6));
}

function toWindowedEvent(match: JsonRecord): WindowedEvent | undefined {
  const values = RISK_EVENT_BY_FIELDS.map((field) => match[field]);
  if (values.some((value) => typeof value !== 'string' || value === '')) {
    return undefined;
  }
  const text = (field: string): string => String(match[field]);
  return {
    groupValues: values as string[],
    identity: eventIdentity(text('Computer'), text('Channel'), text('EventRecordID'), text('SystemTime')),
    timeMicros: systemTimeMicros(text('SystemTime')),
  };
}

function expectedRow(row: JsonRecord): Row {
  return {
    windowStart: Number(row.window_start),
    windowEnd: Number(row.window_end),
    values: RISK_EVENT_BY_FIELDS.map((field) => String(row[field])),
    count: Number(row.count),
    // The float fields are rounded, so the `_exact` strings with all seven digits are compared.
    firstMicros: exactMicros(row.firstTime_exact),
    lastMicros: exactMicros(row.lastTime_exact),
  };
}

function actualRows(closed: readonly ClosedWindow[]): Row[] {
  return closed.flatMap(({ window, groups }) =>
    groups.map((group) => ({
      windowStart: window.start,
      windowEnd: window.end,
      values: group.values,
      count: group.count,
      firstMicros: group.minMicros,
      lastMicros: group.maxMicros,
    })),
  );
}

function sortRows(rows: Row[]): Row[] {
  return rows
    .map((row) => ({ key: JSON.stringify(row), row }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map(({ row }) => row);
}

/** Feeds the events one by one in file order, closing windows by the watermark after each. */
function replay(events: readonly WindowedEvent[]): { rows: Row[]; late: WindowedEvent[] } {
  const aggregator = new MemoryAggregator(SETTINGS);
  const closed: ClosedWindow[] = [];
  const late: WindowedEvent[] = [];
  for (const item of events) {
    late.push(...aggregator.add([item], REPLAY_NOW_MS));
    closed.push(...aggregator.closeDue(REPLAY_NOW_MS, IDLE_MS));
  }
  closed.push(...aggregator.flushAll());
  return { rows: actualRows(closed), late };
}

const datasetDir = sharedDatasetDir();

if (datasetDir === undefined) {
  describe.skip('shared dataset windows (skipped: shared Sysmon datasets not found; CI=true makes this fail)', () => {
    test('not run', () => undefined);
  });
} else {
  const expectedDir = path.join(datasetDir, 'expected');
  const datasets = readdirSync(expectedDir)
    .filter((name) => name.endsWith('.windows.jsonl'))
    .map((name) => name.slice(0, -'.windows.jsonl'.length))
    .sort();

  describe('shared dataset windows', () => {
    test('datasets are present', () => {
      expect(datasets).toContain('crafted-spec-cases');
    });

    describe.each(datasets)('%s', (dataset) => {
      const matches = readJsonLines(path.join(expectedDir, `${dataset}.matches.jsonl`));
      const events = matches.map(toWindowedEvent).filter((item): item is WindowedEvent => item !== undefined);
      const expected = readJsonLines(path.join(expectedDir, `${dataset}.windows.jsonl`)).map(expectedRow);
      const result = replay(events);

      test('no late events', () => {
        expect(result.late).toEqual([]);
      });

      test('rows match expected', () => {
        expect(sortRows(result.rows)).toEqual(sortRows(expected));
      });
    });
  });
}
