import { readFileSync } from 'node:fs';
import {
  createWindowsEventCodec,
  parseEventXmlWithSaxes,
  type WindowsEvent,
  type WindowsEventCodec,
} from '@riskstream/core';
import {
  createKafka,
  createLogger,
  createMetricsRegistry,
  createProducer,
  deadLetterHeaders,
  HealthState,
  loadSchema,
  type Kafka,
  type KafkaMessage,
  type Producer,
  type ServiceHandle,
} from '@riskstream/runtime';
import { readTopic, requireTestEnv, sharedDatasetDir, sharedDatasetFiles, uniqueName } from '@riskstream/testing';
import { readIngestConfig, type IngestConfig } from '../src/config';
import { startIngest } from '../src/ingest-service';
import { createIngestMetrics, type IngestMetrics } from '../src/metrics';

const logger = createLogger({ service: 'ingest-test', level: 'fatal' });
const maxMessageBytes = 65_536;
let kafka: Kafka;
let producer: Producer;
let codec: WindowsEventCodec;

beforeAll(async () => {
  kafka = createKafka({ clientId: 'ingest-test', brokers: requireTestEnv('KAFKA_BROKERS').split(','), logger });
  producer = createProducer(kafka);
  await producer.connect();
  codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
});

afterAll(async () => {
  await producer.disconnect();
});

const maxRecordBytes = 40_000;

function testConfig(): IngestConfig {
  const rawTopic = uniqueName('test-raw');
  return readIngestConfig({
    KAFKA_BROKERS: requireTestEnv('KAFKA_BROKERS'),
    RAW_TOPIC: rawTopic,
    EVENTS_TOPIC: uniqueName('test-events'),
    INGEST_GROUP_ID: uniqueName('test-ingest'),
    TOPIC_PARTITIONS: '3',
    INGEST_MAX_MESSAGE_BYTES: String(maxMessageBytes),
    MAX_RECORD_BYTES: String(maxRecordBytes),
  });
}

async function runIngest(
  config: IngestConfig,
  values: Array<string | Buffer>,
  key: string | null = null,
): Promise<{ metrics: IngestMetrics; service: ServiceHandle }> {
  const metrics = createIngestMetrics(createMetricsRegistry('ingest-test'));
  const service = await startIngest(config, { logger, metrics, health: new HealthState(), encoder: codec.encoder });
  for (let start = 0; start < values.length; start += 1000) {
    const messages = values.slice(start, start + 1000).map((value) => ({ key, value }));
    await producer.send({ topic: config.rawTopic, acks: -1, messages });
  }
  return { metrics, service };
}

function decode(messages: KafkaMessage[]): WindowsEvent[] {
  return messages.map((message) => codec.registry.decode(message.value as Buffer));
}

function canonical(events: WindowsEvent[]): string[] {
  return events.map((event) => JSON.stringify(event)).sort();
}

const datasetDir = sharedDatasetDir();
const describeShared = datasetDir ? describe : describe.skip;

describeShared('ingest on the shared datasets', () => {
  test('every event equals the strict parse', async () => {
    const lines = sharedDatasetFiles(datasetDir as string).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    const expected = lines.flatMap((line) => parseEventXmlWithSaxes(line, { maxBytes: maxMessageBytes }));
    const config = testConfig();

    const { metrics, service } = await runIngest(config, lines);
    const output = await readTopic(kafka, config.eventsTopic, expected.length, { timeoutMs: 120_000 });
    await service.stop();

    expect(output).toHaveLength(expected.length);
    expect(canonical(decode(output))).toEqual(canonical(expected));
    expect(output.every((message) => message.key?.toString() === decode([message])[0]?.computer)).toBe(true);
    expect((await metrics.deadLettered.get()).values).toEqual([]);
  });
});

const validEvent = (recordId: number) =>
  "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
  "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>10</EventID>" +
  `<TimeCreated SystemTime='2026-11-30T09:51:12.1234567Z'/><EventRecordID>${recordId}</EventRecordID>` +
  '<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws-17.corp.example</Computer></System>' +
  "<EventData><Data Name='SourceImage'>C:\\Windows\\System32\\wbem\\WmiPrvSE.exe</Data>" +
  "<Data Name='GrantedAccess'>0x1478</Data><Data Name='CallTrace'/></EventData></Event>";

const badInputs: Array<{ name: string; value: string; code: string }> = [
  { name: 'malformed XML', value: validEvent(1).replace('</System>', ''), code: 'malformed-xml' },
  { name: 'non-event document', value: '<Order><Id>7</Id></Order>', code: 'not-an-event' },
  {
    name: 'entity declaration',
    value: `<!DOCTYPE Event [<!ENTITY big "boom">]>${validEvent(2).replace('0x1478', '&big;')}`,
    code: 'doctype-rejected',
  },
  { name: 'oversized message', value: validEvent(3).replace('0x1478', 'x'.repeat(maxMessageBytes)), code: 'oversized' },
  {
    name: 'JSON without XML',
    value: JSON.stringify({ message: 'service started', host: 'ws-17' }),
    code: 'envelope-without-xml',
  },
  {
    name: 'normalized record above the record limit',
    value: validEvent(5).replace('0x1478', 'x'.repeat(maxRecordBytes)),
    code: 'record-too-large',
  },
  {
    name: 'event without EventID',
    value: validEvent(4).replace('<EventID>10</EventID>', ''),
    code: 'missing-event-id',
  },
];

test('bad inputs go to the dead-letter topic', async () => {
  const config = testConfig();
  const good = [
    validEvent(10),
    JSON.stringify({ event: { original: validEvent(11) }, host: { name: 'ws-17' } }),
    JSON.stringify({ message: validEvent(12) }),
    JSON.stringify({ event: validEvent(13), sourcetype: 'XmlWinEventLog' }),
    `<Events>${validEvent(14)}${validEvent(15)}</Events>`,
  ];

  const { metrics, service } = await runIngest(config, [...badInputs.map((input) => input.value), ...good]);
  const deadLetters = await readTopic(kafka, config.deadLetterTopic, badInputs.length);
  const events = decode(await readTopic(kafka, config.eventsTopic, 6));
  await service.stop();

  const byCode = new Map(
    deadLetters.map((message) => [message.headers?.[deadLetterHeaders.code]?.toString(), message]),
  );
  for (const input of badInputs) {
    const headers = byCode.get(input.code)?.headers ?? {};
    expect({ name: input.name, code: headers[deadLetterHeaders.code]?.toString() }).toEqual({
      name: input.name,
      code: input.code,
    });
    expect(headers[deadLetterHeaders.reason]?.toString().length).toBeGreaterThan(10);
    expect(headers[deadLetterHeaders.topic]?.toString()).toBe(config.rawTopic);
    expect(headers[deadLetterHeaders.partition]?.toString()).toMatch(/^\d+$/);
    expect(headers[deadLetterHeaders.offset]?.toString()).toMatch(/^\d+$/);
  }
  expect(deadLetters).toHaveLength(badInputs.length);
  // The oversized message is longer than a dead letter may be, so its value is cut and its length kept.
  const oversized = byCode.get('oversized');
  expect(oversized?.value?.length).toBeLessThan(maxRecordBytes);
  expect(oversized?.headers?.[deadLetterHeaders.originalBytes]?.toString()).toBe(String(badInputs[3]?.value.length));
  expect(byCode.get('malformed-xml')?.value?.toString()).toBe(badInputs[0]?.value);
  expect(events.map((event) => event.eventRecordId).sort()).toEqual([10, 11, 12, 13, 14, 15]);
  const counted = (await metrics.deadLettered.get()).values.reduce((sum, sample) => sum + sample.value, 0);
  expect(counted).toBe(badInputs.length);
});

test('events of one host keep their order', async () => {
  const config = testConfig();
  const inputs = Array.from({ length: 50 }, (_, index) => validEvent(100 + index));

  // Shippers key raw messages by host, so one host's raw events share a partition too.
  const { service } = await runIngest(config, inputs, 'ws-17.corp.example');
  const events = decode(await readTopic(kafka, config.eventsTopic, inputs.length));
  await service.stop();

  expect(events.map((event) => event.eventRecordId)).toEqual(inputs.map((_, index) => 100 + index));
});

test('config rejects bad variables together', () => {
  expect(() => readIngestConfig({ TOPIC_PARTITIONS: 'many', INGEST_MAX_MESSAGE_BYTES: '-1' })).toThrow(
    /KAFKA_BROKERS: missing[\s\S]*TOPIC_PARTITIONS: invalid value "many"[\s\S]*INGEST_MAX_MESSAGE_BYTES: invalid value "-1"/,
  );
});
