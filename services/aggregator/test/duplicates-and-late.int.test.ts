import { lateHeaders } from '../src/late-record';
import { processAccessXml, readTopic, systemTimeOf } from '@riskstream/testing';
import { AggregatorHarness, parseEvent, readConfig, riskEvents } from './aggregator-harness';

const harness = new AggregatorHarness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

const at = (hour: number, minute: number) => Date.UTC(2020, 8, 14, hour, minute);
const eventAt = (recordId: number, epochMs: number, computer?: string) =>
  parseEvent(processAccessXml({ recordId, systemTime: systemTimeOf(epochMs), computer }));

test('a record delivered twice counts once', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '1000' }));
  const { metrics } = await harness.start(config);
  const event = eventAt(501, at(12, 6));

  await harness.sendMatches(config.matchesTopic, [event, eventAt(502, at(12, 7)), event]);
  const [published] = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 1));

  expect(published?.count).toBe(2);
  expect((await metrics.duplicates.get()).values[0]?.value).toBe(1);
});

test('same record id on two hosts counts twice', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '1000' }));
  await harness.start(config);

  await harness.sendMatches(config.matchesTopic, [eventAt(77, at(12, 6), 'ws-1'), eventAt(77, at(12, 6), 'ws-2')]);
  const published = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 2));

  expect(published.map((event) => [event.dest, event.count]).sort()).toEqual([
    ['ws-1', 1],
    ['ws-2', 1],
  ]);
});

test('late events go to the late topic', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '600000', TOPIC_PARTITIONS: '1' }));
  const { metrics } = await harness.start(config);

  await harness.sendMatches(config.matchesTopic, [eventAt(1, at(12, 0)), eventAt(2, at(13, 5))]);
  await readTopic(harness.kafka, config.riskEventsTopic, 1);
  await harness.sendMatches(config.matchesTopic, [eventAt(3, at(12, 30))]);
  const [late] = await readTopic(harness.kafka, config.lateTopic, 1);

  expect(late?.headers?.[lateHeaders.windowStart]?.toString()).toBe(String(at(11, 50) / 1000));
  expect(late?.headers?.[lateHeaders.windowEnd]?.toString()).toBe(String(at(12, 50) / 1000));
  expect((await metrics.late.get()).values[0]?.value).toBe(1);
});

test('missing by-field drops and counts', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '1000', TOPIC_PARTITIONS: '1' }));
  const { metrics } = await harness.start(config);
  const withoutCallTrace = parseEvent(
    processAccessXml({ recordId: 9, systemTime: systemTimeOf(at(12, 1)) }).replace(
      /<Data Name='CallTrace'>[^<]*<\/Data>/,
      "<Data Name='CallTrace'></Data>",
    ),
  );

  await harness.sendMatches(config.matchesTopic, [withoutCallTrace, eventAt(10, at(12, 2))]);
  const published = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 1));

  expect(published.map((event) => event.count)).toEqual([1]);
  expect((await metrics.droppedMissingField.get()).values).toEqual([
    expect.objectContaining({ labels: { field: 'CallTrace' }, value: 1 }),
  ]);
});
