import { readFileSync } from 'node:fs';
import { compileDetection, normalizeEventXml, type WindowsEvent } from '@riskstream/core';
import { defaultDetectionFile, loadDetectionFile } from '@riskstream/runtime';
import {
  readExpectedWindows,
  readTopic,
  riskEventRows,
  sharedDatasetDir,
  sharedDatasetFiles,
  timeMismatches,
} from '@riskstream/testing';
import { AggregatorHarness, readConfig, riskEvents } from './aggregator-harness';

const harness = new AggregatorHarness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

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
    const expected = readExpectedWindows(dir, sharedDatasetFiles(dir));
    const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '2000' }));
    await harness.start(config);

    await harness.sendMatches(config.matchesTopic, matches);
    const published = riskEvents(
      await readTopic(harness.kafka, config.riskEventsTopic, expected.length, { settleMs: 3000 }),
    );

    const actual = riskEventRows(published);
    expect(actual.map((row) => [row.key, row.count])).toEqual(expected.map((row) => [row.key, row.count]));
    expect(timeMismatches(actual, expected)).toEqual([]);
  });
});
