import { processAccessXml, readTopic, systemTimeOf } from '@riskstream/testing';
import { AggregatorHarness, parseEvent, readConfig, riskEvents } from './aggregator-harness';

const harness = new AggregatorHarness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

const tenSecondWindows = { WINDOW_SIZE_SECONDS: '10', WINDOW_OFFSET_SECONDS: '0', GRACE_SECONDS: '2' };

function eventAt(recordId: number, epochMs: number, targetImage?: string) {
  return parseEvent(processAccessXml({ recordId, systemTime: systemTimeOf(epochMs), targetImage }));
}

test('steady live input closes on event time', async () => {
  const config = readConfig(harness.environment({ ...tenSecondWindows, IDLE_TIMEOUT_MS: '600000' }));
  const windowStartMs = Math.floor(Date.now() / 10_000) * 10_000;
  await harness.start(config);

  await harness.sendMatches(
    config.matchesTopic,
    [1, 2, 3].map((id) => eventAt(id, windowStartMs + id * 1000)),
  );
  const sentMs = Date.now();
  await harness.sendMatches(config.matchesTopic, [eventAt(4, windowStartMs + 13_000)]);
  const [published] = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 1));
  const latencyMs = Date.now() - sentMs;

  expect(published?.count).toBe(3);
  expect(published?.window_start).toBe(new Date(windowStartMs).toISOString().replace('.000Z', 'Z'));
  expect(latencyMs).toBeLessThan(8000);
});

test('quiet live input closes on the wall clock', async () => {
  const config = readConfig(harness.environment({ ...tenSecondWindows, IDLE_TIMEOUT_MS: '1000' }));
  const nowMs = Date.now();
  const windowStartMs = Math.floor(nowMs / 10_000) * 10_000;
  await harness.start(config);

  await harness.sendMatches(config.matchesTopic, [eventAt(1, nowMs - 100), eventAt(2, nowMs - 50)]);
  const [published] = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 1, { timeoutMs: 30_000 }));
  const closeTimeMs = windowStartMs + 12_000;

  expect(published?.count).toBe(2);
  expect(published?._time).toBe(closeTimeMs / 1000);
  expect(Date.now()).toBeGreaterThanOrEqual(closeTimeMs);
  expect(Date.now() - closeTimeMs).toBeLessThan(6000);
});

test('replay closes windows as event time passes', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '4000' }));
  const at = (hour: number, minute: number) => Date.UTC(2020, 7, 6, hour, minute);
  const events = [
    eventAt(1, at(7, 0)),
    eventAt(2, at(7, 10)),
    eventAt(3, at(7, 40), 'C:\\Windows\\System32\\whoami.exe'),
    eventAt(4, at(8, 0)),
    eventAt(5, at(8, 30)),
    eventAt(6, at(9, 0)),
    eventAt(7, at(9, 5)),
  ];
  await harness.start(config);

  await harness.sendMatches(config.matchesTopic, events);
  const sentMs = Date.now();
  const firstWindows = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 3, { settleMs: 0 }));
  const beforeIdleMs = Date.now() - sentMs;
  const all = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 4, { timeoutMs: 30_000 }));
  const afterIdleMs = Date.now() - sentMs;

  const rows = all.map((event) => [event.window_start, event.TargetImage, event.count]).sort();
  expect(rows).toEqual([
    ['2020-08-06T06:50:00Z', 'C:\\Windows\\System32\\net.exe', 2],
    ['2020-08-06T06:50:00Z', 'C:\\Windows\\System32\\whoami.exe', 1],
    ['2020-08-06T07:50:00Z', 'C:\\Windows\\System32\\net.exe', 2],
    ['2020-08-06T08:50:00Z', 'C:\\Windows\\System32\\net.exe', 2],
  ]);
  expect(firstWindows.map((event) => event.window_start).sort()).toEqual([
    '2020-08-06T06:50:00Z',
    '2020-08-06T06:50:00Z',
    '2020-08-06T07:50:00Z',
  ]);
  expect(beforeIdleMs).toBeLessThan(4000);
  expect(afterIdleMs).toBeGreaterThanOrEqual(4000);
});

test('flush on idle closes windows the clock has not passed', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '1000', FLUSH_ON_IDLE: 'true' }));
  await harness.start(config);

  await harness.sendMatches(config.matchesTopic, [eventAt(1, Date.now() - 1000), eventAt(2, Date.now() - 500)]);
  const sentMs = Date.now();
  const [published] = riskEvents(await readTopic(harness.kafka, config.riskEventsTopic, 1, { timeoutMs: 30_000 }));

  expect(published?.count).toBe(2);
  expect(Date.now() - sentMs).toBeLessThan(10_000);
});
