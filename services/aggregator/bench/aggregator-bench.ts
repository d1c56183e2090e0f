/**
 * Measures the aggregator's counting path on one core against a real Redis: decoded matches are
 * sorted into windows and counted with the Lua script, in chunks as the service does. Prints the
 * rate with and without Avro decoding, and Redis memory per open group.
 * Run from the repository root: npm run bench:aggregator [-- seconds] (uses REDIS_URL, else starts
 * the local stack).
 */
import { compileDetection, createWindowsEventCodec, normalizeEventXml, type WindowSettings } from '@riskstream/core';
import {
  createLogger,
  createRedis,
  defaultDetectionFile,
  loadDetectionFile,
  loadSchema,
  type KafkaMessage,
  type Redis,
} from '@riskstream/runtime';
import { processAccessXml, startLocalStack, systemTimeOf, uniqueName } from '@riskstream/testing';
import { prepareChunk, type PreparedChunk } from '../src/prepare-chunk';
import { WindowStore } from '../src/window-store';

const chunkSize = 1000;
const groupsPerWindow = 500;

function generateMessages(count: number, encode: (xml: string) => Buffer): KafkaMessage[] {
  const startMs = Date.UTC(2026, 10, 2, 8, 0);
  return Array.from({ length: count }, (_, index) => {
    const xml = processAccessXml({
      recordId: index,
      systemTime: systemTimeOf(startMs + index * 40),
      computer: `ws-${index % 50}.corp.example`,
      targetProcessId: 1000 + (index % (groupsPerWindow / 50)),
    });
    return { value: encode(xml), offset: String(index) } as KafkaMessage;
  });
}

async function countAll(store: WindowStore, chunks: PreparedChunk[]): Promise<number> {
  let counted = 0;
  for (const chunk of chunks) {
    for (const [windowStart, events] of chunk.byWindow) counted += (await store.add(0, windowStart, events)).counted;
  }
  return counted;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

async function main(): Promise<void> {
  const total = Number(process.argv[2] ?? '200000');
  const redisUrl = process.env.REDIS_URL ?? startLocalStack().redisUrl;
  const redis = createRedis({ url: redisUrl, logger: createLogger({ service: 'aggregator-bench', level: 'warn' }) });
  const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
  const detection = compileDetection(loadDetectionFile(defaultDetectionFile));
  const settings: WindowSettings = detection.detection.window;
  const messages = generateMessages(total, (xml) =>
    codec.encoder.encode(normalizeEventXml(xml, { maxBytes: 65_536 })[0]!),
  );
  const prepare = (slice: KafkaMessage[]) =>
    prepareChunk(slice, {
      registry: codec.registry,
      byFields: detection.detection.byFields,
      groupValuesOf: (event) => detection.groupValues(event),
      settings,
      horizon: -Infinity,
    });
  const slices = Array.from({ length: Math.ceil(total / chunkSize) }, (_, index) =>
    messages.slice(index * chunkSize, (index + 1) * chunkSize),
  );

  const prefix = uniqueName('bench-aggregator');
  const store = new WindowStore(redis, prefix);
  const memoryBefore = await usedMemory(redis);
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const decodeBefore = process.cpuUsage();
  const prepared = slices.map(prepare);
  const decodeCpu = process.cpuUsage(decodeBefore);
  const counted = await countAll(store, prepared);
  const wallSeconds = Number(process.hrtime.bigint() - wallBefore) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const memoryAfter = await usedMemory(redis);
  const openWindows = await store.openWindows(0);
  let groups = 0;
  let groupBytes = 0;
  let identityBytes = 0;
  for (const start of openWindows) {
    groups += await store.groupCount(0, start);
    const tag = `{${prefix}:p0:w${start}}`;
    for (const name of ['count', 'min', 'max']) groupBytes += Number(await redis.memory('USAGE', `${tag}:${name}`));
    identityBytes += Number(await redis.memory('USAGE', `${tag}:seen`));
  }

  const decodeSeconds = (decodeCpu.user + decodeCpu.system) / 1e6;
  const redisWallSeconds = wallSeconds - decodeSeconds;
  const lines = [
    `events: ${total} in chunks of ${chunkSize}; counted ${counted}; ${openWindows.length} windows, ${groups} groups`,
    `decode + window assignment: ${Math.round(total / decodeSeconds)} events/s (CPU time)`,
    `Lua counting into Redis: ${Math.round(total / redisWallSeconds)} events/s (wall time, Redis on the same machine)`,
    `whole path: ${Math.round(total / wallSeconds)} events/s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s of Node CPU`,
    `Redis memory: ${((memoryAfter - memoryBefore) / 1e6).toFixed(1)} MB in all for ${groups} groups and ${counted} event ids`,
    `  per open group (count, min and max hashes): ${Math.round(groupBytes / groups)} bytes`,
    `  per counted event (identity set): ${Math.round(identityBytes / counted)} bytes`,
    `aggregator: ${Math.round(total / wallSeconds)} events/s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await redis.del(...(await redis.keys(`*${prefix}*`)));
  await redis.quit();
}

void main();
