import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createWindowsEventCodec, type RiskEvent } from '@riskstream/core';
import {
  createLogger,
  createMetricsRegistry,
  createKafka,
  HealthState,
  loadSchema,
  type ServiceHandle,
} from '@riskstream/runtime';
import {
  readExpectedWindows,
  readTopic,
  requireTestEnv,
  riskEventRows,
  sharedDatasetDir,
  sharedDatasetFiles,
  timeMismatches,
  uniqueName,
} from '@riskstream/testing';
import { createAggregator } from '../../../services/aggregator/src/aggregator-factory';
import { readAggregatorConfig } from '../../../services/aggregator/src/config';
import { createAggregatorMetrics } from '../../../services/aggregator/src/metrics';
import { readDetectorConfig } from '../../../services/detector/src/config';
import { startDetector } from '../../../services/detector/src/detector-service';
import { createDetectorMetrics } from '../../../services/detector/src/metrics';
import { readIngestConfig } from '../../../services/ingest/src/config';
import { startIngest } from '../../../services/ingest/src/ingest-service';
import { createIngestMetrics } from '../../../services/ingest/src/metrics';
import { replayFiles } from '../src/commands/replay';
import { scanFiles } from '../src/commands/scan';

const logger = createLogger({ service: 'pipeline-test', level: 'fatal' });

/** Starts ingest, detector and aggregator in this process on topics of their own. */
async function startPipeline(): Promise<{ env: NodeJS.ProcessEnv; stop: () => Promise<void> }> {
  const env: NodeJS.ProcessEnv = {
    KAFKA_BROKERS: requireTestEnv('KAFKA_BROKERS'),
    REDIS_URL: requireTestEnv('REDIS_URL'),
    RAW_TOPIC: uniqueName('test-raw'),
    EVENTS_TOPIC: uniqueName('test-events'),
    MATCHES_TOPIC: uniqueName('test-matches'),
    RISK_EVENTS_TOPIC: uniqueName('test-risk-events'),
    LATE_TOPIC: uniqueName('test-late'),
    INGEST_GROUP_ID: uniqueName('test-ingest'),
    DETECTOR_GROUP_ID: uniqueName('test-detector'),
    AGGREGATOR_GROUP_ID: uniqueName('test-aggregator'),
    REDIS_KEY_PREFIX: uniqueName('test-pipeline'),
    TOPIC_PARTITIONS: '3',
    IDLE_TIMEOUT_MS: '3000',
  };
  const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
  const health = new HealthState();
  const ingest: ServiceHandle = await startIngest(readIngestConfig(env), {
    logger,
    health,
    encoder: codec.encoder,
    metrics: createIngestMetrics(createMetricsRegistry('ingest')),
  });
  const detector = await startDetector(readDetectorConfig(env), {
    logger,
    health,
    registry: codec.registry,
    metrics: createDetectorMetrics(createMetricsRegistry('detector')),
  });
  const metrics = createAggregatorMetrics(createMetricsRegistry('aggregator'));
  const { aggregator, redis } = createAggregator(readAggregatorConfig(env), { logger, metrics, health });
  await aggregator.start();
  const stop = async () => {
    await Promise.all([ingest.stop(), detector.stop(), aggregator.stop()]);
    await redis.quit();
  };
  return { env, stop };
}

async function replay(env: NodeJS.ProcessEnv, files: string[]): Promise<void> {
  await replayFiles(files, {
    brokers: (env.KAFKA_BROKERS ?? '').split(','),
    topic: env.RAW_TOPIC ?? '',
    rate: 0,
    rebaseTime: false,
    batchSize: 500,
    progress: false,
    nowMs: Date.now(),
  });
}

async function readRiskEvents(env: NodeJS.ProcessEnv, count: number): Promise<RiskEvent[]> {
  const kafka = createKafka({ clientId: 'pipeline-test', brokers: (env.KAFKA_BROKERS ?? '').split(','), logger });
  const messages = await readTopic(kafka, env.RISK_EVENTS_TOPIC ?? '', count, { settleMs: 4000, timeoutMs: 120_000 });
  return messages.map((message) => JSON.parse(message.value?.toString() ?? '') as RiskEvent);
}

function sortById(events: RiskEvent[]): RiskEvent[] {
  return [...events].sort((a, b) => a.id.localeCompare(b.id));
}

const datasetDir = sharedDatasetDir();
const describeShared = datasetDir ? describe : describe.skip;

describeShared('pipeline on the shared datasets', () => {
  test('risk events equal the expected windows and scan', async () => {
    const dir = datasetDir as string;
    const files = sharedDatasetFiles(dir);
    const expected = readExpectedWindows(dir, files);
    // Files are replayed oldest first, each in its own order, as a replay of several captures runs.
    const scanned = await Promise.all(files.map(async (file) => ({ file, result: await scanFiles([file]) })));
    const firstTime = (events: RiskEvent[]) => Math.min(...events.map((event) => event.first_time_epoch), Infinity);
    const ordered = scanned
      .sort((a, b) => firstTime(a.result.riskEvents) - firstTime(b.result.riskEvents))
      .map((entry) => entry.file);
    const pipeline = await startPipeline();

    try {
      await replay(pipeline.env, ordered);
      const published = await readRiskEvents(pipeline.env, expected.length);

      const actual = riskEventRows(published);
      expect(actual.map((row) => [row.key, row.count])).toEqual(expected.map((row) => [row.key, row.count]));
      expect(timeMismatches(actual, expected)).toEqual([]);
      expect(sortById(published)).toEqual(sortById(scanned.flatMap((entry) => entry.result.riskEvents)));
    } finally {
      await pipeline.stop();
    }
  });
});

test('pipeline on the sample equals its expected risk events', async () => {
  const sample = path.resolve(__dirname, '../../../samples/sysmon-sample.xml');
  const expected = readFileSync(path.resolve(__dirname, '../../../samples/expected-risk-events.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RiskEvent);
  const pipeline = await startPipeline();

  try {
    await replay(pipeline.env, [sample]);
    const published = await readRiskEvents(pipeline.env, expected.length);

    expect(sortById(published)).toEqual(sortById(expected));
  } finally {
    await pipeline.stop();
  }
});
