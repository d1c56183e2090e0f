import { SingleBar, Presets } from 'cli-progress';
import { latestSystemTimeSeconds, shiftEventTimes } from '@riskstream/core';
import { createKafka, createLogger, createProducer, type Producer } from '@riskstream/runtime';
import { readEventFiles, warnNoEvents } from './event-files';

export interface ReplayOptions {
  brokers: string[];
  topic: string;
  /** Events per second; 0 sends as fast as the broker accepts. */
  rate: number;
  rebaseTime: boolean;
  batchSize: number;
  progress: boolean;
  /** Epoch milliseconds taken as "now" by --rebase-time. */
  nowMs: number;
}

export interface ReplaySummary {
  events: number;
  shiftSeconds: number;
}

/** Publishes every event of the files to the raw topic, one Kafka message per event. */
export async function replayFiles(paths: string[], options: ReplayOptions): Promise<ReplaySummary> {
  const { total, latest } = await surveyFiles(paths);
  const shiftSeconds = options.rebaseTime && latest !== undefined ? Math.floor(options.nowMs / 1000) - latest : 0;
  const logger = createLogger({ service: 'replay', level: 'fatal' });
  const producer = createProducer(createKafka({ clientId: 'riskstream-replay', brokers: options.brokers, logger }));
  await producer.connect();
  const bar = options.progress
    ? new SingleBar({ format: 'replay [{bar}] {value}/{total} events {eta}s left' }, Presets.shades_classic)
    : undefined;
  bar?.start(total, 0);
  try {
    const sent = await sendEvents(paths, producer, options, shiftSeconds, (count) => bar?.update(count));
    return { events: sent, shiftSeconds };
  } finally {
    bar?.stop();
    await producer.disconnect();
  }
}

async function surveyFiles(paths: string[]): Promise<{ total: number; latest: number | undefined }> {
  let total = 0;
  let latest: number | undefined;
  for await (const { xml } of readEventFiles(paths, { onNoEvents: warnNoEvents })) {
    total += 1;
    const seconds = latestSystemTimeSeconds(xml);
    if (seconds !== undefined && (latest === undefined || seconds > latest)) latest = seconds;
  }
  return { total, latest };
}

async function sendEvents(
  paths: string[],
  producer: Producer,
  options: ReplayOptions,
  shiftSeconds: number,
  onProgress: (sent: number) => void,
): Promise<number> {
  const startedMs = Date.now();
  let batch: string[] = [];
  let sent = 0;
  const flush = async () => {
    const messages = batch.map((xml) => ({ key: computerOf(xml), value: xml }));
    await producer.send({ topic: options.topic, acks: -1, messages });
    sent += batch.length;
    batch = [];
    onProgress(sent);
    if (options.rate > 0) await pace(startedMs, sent, options.rate);
  };
  for await (const { xml } of readEventFiles(paths)) {
    batch.push(shiftSeconds === 0 ? xml : shiftEventTimes(xml, shiftSeconds));
    if (batch.length >= Math.min(options.batchSize, options.rate > 0 ? Math.max(1, options.rate) : Infinity))
      await flush();
  }
  if (batch.length > 0) await flush();
  return sent;
}

const computerPattern = /<Computer>([^<]*)<\/Computer>/;

/**
 * Returns the event's Computer as the message key, as log shippers key by host: one host's
 * events then share a partition and keep their order through the pipeline.
 */
function computerOf(xml: string): string | null {
  return computerPattern.exec(xml)?.[1] ?? null;
}

/** Sleeps until `sent` events at `rate` per second are due, so the average rate holds. */
function pace(startedMs: number, sent: number, rate: number): Promise<void> {
  const dueMs = startedMs + (sent / rate) * 1000;
  const waitMs = dueMs - Date.now();
  return waitMs > 0 ? new Promise((resolve) => setTimeout(resolve, waitMs)) : Promise.resolve();
}
