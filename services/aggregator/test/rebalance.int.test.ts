import { parseAvroSchema, type RiskEvent } from '@riskstream/core';
import { loadSchema } from '@riskstream/runtime';
import { processAccessXml, readTopic, systemTimeOf } from '@riskstream/testing';
import { AggregatorHarness, parseEvent, readConfig, riskEvents } from './aggregator-harness';

const harness = new AggregatorHarness();
beforeAll(() => harness.setUp());
afterAll(() => harness.tearDown());

const events = Array.from({ length: 4000 }, (_, index) =>
  parseEvent(
    processAccessXml({
      recordId: index,
      systemTime: systemTimeOf(Date.UTC(2022, 1, 1, 8, 0) + index * 1800),
      computer: `srv-${index % 12}.corp.example`,
    }),
  ),
);

function summary(published: RiskEvent[]): string[] {
  return published
    .map(
      (event) =>
        `${event.id} ${event.dest} ${event.window_start} ${event.count} ${event.first_time_epoch} ${event.last_time_epoch}`,
    )
    .sort();
}

test('two instances survive a rebalance', async () => {
  // The idle timeout must outlast the pause around the rebalance, or that pause ends the replay.
  const single = harness.environment({ IDLE_TIMEOUT_MS: '8000', CHUNK_SIZE: '50' });
  await harness.start(readConfig(single));
  await harness.sendMatches(single.MATCHES_TOPIC as string, events);
  const reference = summary(
    riskEvents(await readTopic(harness.kafka, single.RISK_EVENTS_TOPIC as string, 36, { settleMs: 3000 })),
  );

  const shared = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '8000', CHUNK_SIZE: '50', TOPIC_PARTITIONS: '4' }));
  const { aggregator: first } = await harness.start(shared);
  await harness.start(shared);
  await harness.sendMatches(shared.matchesTopic, events.slice(0, 2000));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await harness.stop(first);
  await harness.sendMatches(shared.matchesTopic, events.slice(2000));
  const published = riskEvents(
    await readTopic(harness.kafka, shared.riskEventsTopic, 36, { settleMs: 1000, timeoutMs: 60_000 }),
  );

  expect(reference).toHaveLength(36);
  expect([...new Set(summary(published))]).toEqual(reference);
});

test('risk events in Avro decode with the schema', async () => {
  const config = readConfig(harness.environment({ IDLE_TIMEOUT_MS: '1000', RISK_EVENT_FORMAT: 'avro' }));
  const type = parseAvroSchema(loadSchema('risk-event.avsc'), 'risk-event.avsc');
  await harness.start(config);

  await harness.sendMatches(
    config.matchesTopic,
    [0, 12, 24].map((index) => events[index] as (typeof events)[number]),
  );
  const [message] = await readTopic(harness.kafka, config.riskEventsTopic, 1);
  const value = message?.value as Buffer;
  const decoded = type.fromBuffer(value.subarray(10)) as RiskEvent;

  expect(value.subarray(0, 2)).toEqual(Buffer.from([0xc3, 0x01]));
  expect(decoded.count).toBe(3);
  expect(decoded.risk_message).toBe(
    'wmiprvse.exe process having a duplicate or full Granted Access 0x1478 to C:\\Windows\\System32\\net.exe process in srv-0.corp.example',
  );
});
