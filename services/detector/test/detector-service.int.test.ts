import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createWindowsEventCodec,
  encodeGroupKey,
  groupValues,
  normalizeEventXml,
  RISK_EVENT_BY_FIELDS,
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
  type Producer,
} from '@riskstream/runtime';
import {
  processAccessXml,
  readTopic,
  requireTestEnv,
  sharedDatasetDir,
  sharedDatasetFiles,
  uniqueName,
} from '@riskstream/testing';
import { readDetectorConfig, type DetectorConfig } from '../src/config';
import { startDetector } from '../src/detector-service';
import { createDetectorMetrics, type DetectorMetrics } from '../src/metrics';

const logger = createLogger({ service: 'detector-test', level: 'fatal' });
let kafka: Kafka;
let producer: Producer;
let codec: WindowsEventCodec;

beforeAll(async () => {
  kafka = createKafka({ clientId: 'detector-test', brokers: requireTestEnv('KAFKA_BROKERS').split(','), logger });
  producer = createProducer(kafka);
  await producer.connect();
  codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
});

afterAll(async () => {
  await producer.disconnect();
});

function testConfig(extra: NodeJS.ProcessEnv = {}): DetectorConfig {
  return readDetectorConfig({
    KAFKA_BROKERS: requireTestEnv('KAFKA_BROKERS'),
    EVENTS_TOPIC: uniqueName('test-events'),
    MATCHES_TOPIC: uniqueName('test-matches'),
    DETECTOR_GROUP_ID: uniqueName('test-detector'),
    TOPIC_PARTITIONS: '3',
    ...extra,
  });
}

async function runDetector(
  config: DetectorConfig,
  values: Buffer[],
): Promise<{ metrics: DetectorMetrics; stop: () => Promise<void> }> {
  const metrics = createDetectorMetrics(createMetricsRegistry('detector-test'));
  const service = await startDetector(config, { logger, metrics, health: new HealthState(), registry: codec.registry });
  for (let start = 0; start < values.length; start += 1000) {
    await producer.send({
      topic: config.eventsTopic,
      acks: -1,
      messages: values.slice(start, start + 1000).map((value) => ({ value })),
    });
  }
  return { metrics, stop: () => service.stop() };
}

function identity(computer: unknown, channel: unknown, recordId: unknown, time: unknown): string {
  return [computer, channel, recordId, time].map(String).join('|');
}

function eventIdentity(event: WindowsEvent): string {
  return identity(event.computer, event.channel, event.eventRecordId, event.timeCreatedRaw);
}

const datasetDir = sharedDatasetDir();
const describeShared = datasetDir ? describe : describe.skip;

describeShared('detector on the shared datasets', () => {
  test('matches equal the expected matches', async () => {
    const dir = datasetDir as string;
    const events = sharedDatasetFiles(dir).flatMap((file) =>
      normalizeEventXml(readFileSync(file), { maxBytes: 1 << 24 }),
    );
    const expected = sharedDatasetFiles(dir).flatMap((file) => {
      const name = path.basename(file, '.xml');
      const lines = readFileSync(path.join(dir, 'expected', `${name}.matches.jsonl`), 'utf8').split('\n');
      return lines
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, string>)
        .map((row) => identity(row.Computer, row.Channel, row.EventRecordID, row.SystemTime));
    });
    const config = testConfig();

    const { metrics, stop } = await runDetector(
      config,
      events.map((event) => codec.encoder.encode(event)),
    );
    const output = await readTopic(kafka, config.matchesTopic, expected.length, { settleMs: 2000 });
    await stop();

    const matched = output.map((message) => codec.registry.decode(message.value as Buffer));
    expect(matched.map(eventIdentity).sort()).toEqual(expected.sort());
    const keys = output.map((message) => message.key);
    expect(keys).toEqual(matched.map((event) => Buffer.from(encodeGroupKey(groupValues(event, byFields)))));
    expect((await metrics.eventsIn.get()).values[0]?.value).toBe(events.length);
  });
});

const byFields = RISK_EVENT_BY_FIELDS;

function processAccess(recordId: number, targetImage: string, grantedAccess: string): WindowsEvent {
  const xml =
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>10</EventID>" +
    `<TimeCreated SystemTime='2026-11-30T09:51:12.1234567Z'/><EventRecordID>${recordId}</EventRecordID>` +
    '<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws-17.corp.example</Computer></System><EventData>' +
    "<Data Name='SourceProcessGUID'>{1a2b3c4d-0001-0002-0003-000000000001}</Data><Data Name='SourceProcessId'>2212</Data>" +
    "<Data Name='SourceImage'>C:\\Windows\\System32\\wbem\\WmiPrvSE.exe</Data>" +
    "<Data Name='TargetProcessGUID'>{1a2b3c4d-0001-0002-0003-000000000002}</Data><Data Name='TargetProcessId'>4410</Data>" +
    `<Data Name='TargetImage'>${targetImage}</Data><Data Name='GrantedAccess'>${grantedAccess}</Data>` +
    "<Data Name='CallTrace'>C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4</Data></EventData></Event>";
  return normalizeEventXml(xml, { maxBytes: 65_536 })[0] as WindowsEvent;
}

test('exclusions drop and count known false positives', async () => {
  const config = testConfig({ EXCLUSIONS: JSON.stringify(['TargetImage="*\\\\audit-agent.exe"']) });
  const inputs = [
    processAccess(1, 'C:\\Tools\\audit-agent.exe', '0x1478'),
    processAccess(2, 'C:\\Windows\\System32\\net.exe', '0x1FFFFF'),
    processAccess(3, 'C:\\Windows\\System32\\net.exe', '0x1400'),
  ];

  const { metrics, stop } = await runDetector(
    config,
    inputs.map((event) => codec.encoder.encode(event)),
  );
  const output = await readTopic(kafka, config.matchesTopic, 1, { settleMs: 2000 });
  await stop();

  expect(output.map((message) => codec.registry.decode(message.value as Buffer).eventRecordId)).toEqual([2]);
  expect((await metrics.excluded.get()).values[0]?.value).toBe(1);
  expect((await metrics.matched.get()).values[0]?.value).toBe(1);
});

test('undecodable records go to the dead-letter topic', async () => {
  const config = testConfig();
  const good = codec.encoder.encode(processAccess(7, 'C:\\Windows\\System32\\net.exe', '0x1478'));
  const unknownFingerprint = Buffer.from(good);
  unknownFingerprint.writeUInt8(unknownFingerprint.readUInt8(2) ^ 0xff, 2);
  const corrupt = good.subarray(0, 20);

  const { metrics, stop } = await runDetector(config, [unknownFingerprint, corrupt, good]);
  const deadLetters = await readTopic(kafka, config.deadLetterTopic, 2);
  const matches = await readTopic(kafka, config.matchesTopic, 1);
  await stop();

  const codes = deadLetters.map((message) => message.headers?.[deadLetterHeaders.code]?.toString()).sort();
  expect(codes).toEqual(['corrupt-record', 'unknown-fingerprint']);
  expect(matches).toHaveLength(1);
  expect((await metrics.decodeErrors.get()).values.map((sample) => sample.labels.reason).sort()).toEqual([
    'corrupt-record',
    'unknown-fingerprint',
  ]);
});

test('config rejects unreadable exclusions', () => {
  expect(() =>
    readDetectorConfig({
      KAFKA_BROKERS: '127.0.0.1:9092',
      EXCLUSIONS: '{"not": "a list"}',
      EXCLUSIONS_PATH: '/nonexistent/exclusions.spl',
    }),
  ).toThrow(/EXCLUSIONS: invalid value[\s\S]*EXCLUSIONS_PATH: cannot read \/nonexistent\/exclusions.spl/);
});

test('match above the record limit is dead-lettered', async () => {
  const config = testConfig({ MAX_RECORD_BYTES: '20000' });
  const huge = normalizeEventXml(
    processAccessXml({ recordId: 9, systemTime: '2026-11-30T09:51:12.1234567Z' }).replace(
      /<Data Name='CallTrace'>[^<]*<\/Data>/,
      `<Data Name='CallTrace'>${'C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|'.repeat(700)}</Data>`,
    ),
    { maxBytes: 1 << 20 },
  )[0] as WindowsEvent;
  const normal = processAccess(10, 'C:\\Windows\\System32\\net.exe', '0x1478');

  const { stop } = await runDetector(config, [codec.encoder.encode(huge), codec.encoder.encode(normal)]);
  const [deadLetter] = await readTopic(kafka, config.deadLetterTopic, 1);
  const matches = await readTopic(kafka, config.matchesTopic, 1);
  await stop();

  expect(deadLetter?.headers?.[deadLetterHeaders.code]?.toString()).toBe('record-too-large');
  expect(matches.map((message) => codec.registry.decode(message.value as Buffer).eventRecordId)).toEqual([10]);
});
