import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileDetection, normalizeEventXml, type WindowsEvent } from '@riskstream/core';
import { defaultDetectionFile, loadDetectionFile } from '@riskstream/runtime';
import { readTopic, sharedDatasetDir, sharedDatasetFiles } from '@riskstream/testing';
import { AggregatorHarness, readConfig, riskEvents } from './aggregator-harness';

const harness = new AggregatorHarness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

interface ExpectedRow {
  window_start: number;
  count: number;
  firstTime: number;
  lastTime: number;
  [field: string]: unknown;
}

const byFields = [
  'SourceImage',
  'TargetImage',
  'SourceProcessGUID',
  'TargetProcessGUID',
  'SourceProcessId',
  'TargetProcessId',
];
const rowKey = (row: Record<string, unknown>) =>
  JSON.stringify([row.window_start, ...[...byFields, 'GrantedAccess', 'CallTrace', 'dest'].map((field) => row[field])]);

const datasetDir = sharedDatasetDir();
const describeShared = datasetDir ? describe : describe.skip;

describeShared('aggregator on the shared datasets', () => {
  test('risk events equal the expected windows', async () => {
    const dir = datasetDir as string;
    const detection = compileDetection(loadDetectionFile(defaultDetectionFile));
    // Each file is replayed in its own order, files oldest first, as a replay of several captures would run.
    const files = sharedDatasetFiles(dir).map((file) => {
      const events = normalizeEventXml(readFileSync(file), { maxBytes: 1 << 24 }).filter(
        (event) => detection.classify(event) === 'matched',
      );
      return { file, events, first: Math.min(...events.map((event) => event.timeCreated ?? Infinity)) };
    });
    const matches: WindowsEvent[] = files.sort((a, b) => a.first - b.first).flatMap((entry) => entry.events);
    const expected = sharedDatasetFiles(dir).flatMap((file) => {
      const expectedFile = path.join(dir, 'expected', `${path.basename(file, '.xml')}.windows.jsonl`);
      return readFileSync(expectedFile, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as ExpectedRow);
    });
    const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '2000' }));
    await harness.start(config);

    await harness.sendMatches(config.matchesTopic, matches);
    const published = riskEvents(
      await readTopic(harness.kafka, config.riskEventsTopic, expected.length, { settleMs: 3000 }),
    );

    const actualRows = published.map((event) => ({
      key: rowKey({ ...event, window_start: Date.parse(event.window_start) / 1000 }),
      count: event.count,
      firstTime: event.first_time_epoch,
      lastTime: event.last_time_epoch,
    }));
    const expectedRows = expected.map((row) => ({
      key: rowKey(row),
      count: row.count,
      firstTime: row.firstTime,
      lastTime: row.lastTime,
    }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    actualRows.sort(byKey);
    expectedRows.sort(byKey);
    expect(actualRows.map((row) => [row.key, row.count])).toEqual(expectedRows.map((row) => [row.key, row.count]));
    // Expected times are 7-digit SystemTimes as doubles; risk events carry microseconds, truncated.
    actualRows.forEach((row, index) => {
      expect(Math.abs(row.firstTime - (expectedRows[index]?.firstTime ?? NaN))).toBeLessThan(2e-6);
      expect(Math.abs(row.lastTime - (expectedRows[index]?.lastTime ?? NaN))).toBeLessThan(2e-6);
    });
  });
});
