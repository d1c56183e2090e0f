import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka } from 'kafkajs';
import { getContainerRuntimeClient } from 'testcontainers';
import type { Redis } from 'ioredis';
import { createKafka, createLogger, createRedis } from '@riskstream/runtime';
import {
  ScratchRedis,
  serverLabel,
  startServerContainers,
  stopServerContainer,
  uniqueName,
  type StartedServer,
} from '@riskstream/testing';

// The container path end to end: start Kafka and Redis containers from RISKSTREAM_KAFKA_IMAGE and
// RISKSTREAM_REDIS_IMAGE (or the official images), use them, stop them, and check that none is left.
// The global set-up sets RISKSTREAM_TEST_CONTAINER_ENGINE, so these tests run only where an engine responds.
const describeWithEngine = process.env.RISKSTREAM_TEST_CONTAINER_ENGINE === 'available' ? describe : describe.skip;

const startTimeoutMs = 240_000;
const testTimeoutMs = 120_000;
const runLabelName = 'dev.riskstream.test-run';
const logger = createLogger({ service: 'containers-test', level: 'silent' });

// Adds to a counter and raises a max field in one step, the shape of the aggregator's updates.
const addAndRaiseMax = `
local count = redis.call('HINCRBY', KEYS[1], 'count', ARGV[1])
local max = tonumber(redis.call('HGET', KEYS[1], 'max') or '-1')
if tonumber(ARGV[2]) > max then redis.call('HSET', KEYS[1], 'max', ARGV[2]) end
return {count, redis.call('HGET', KEYS[1], 'max')}
`;

/** Lists the engine's containers of one test run, running or not, that carry the server label. */
async function listRunContainers(runId: string): Promise<string[]> {
  const client = await getContainerRuntimeClient();
  const containers = await client.container.dockerode.listContainers({
    all: true,
    filters: { label: [serverLabel, `${runLabelName}=${runId}`] },
  });
  return containers.map((container) => `${container.Id.slice(0, 12)} ${container.Image} ${container.State}`);
}

/**
 * Consumes `topic` in a new consumer group until `count` distinct values arrived. A rebalance can
 * deliver a message twice before its offset is committed, so duplicates are ignored.
 */
async function consumeDistinctValues(kafka: Kafka, topic: string, count: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('containers-test-group') });
  const values = new Set<string>();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`received ${values.size} of ${count} values`)), 60_000);
      consumer
        .run({
          eachMessage: ({ message }) => {
            values.add(message.value?.toString() ?? '');
            if (values.size === count) {
              clearTimeout(timer);
              resolve();
            }
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return [...values];
}

describeWithEngine('server containers', () => {
  const runId = randomUUID();
  let kafka: StartedServer | undefined;
  let redis: StartedServer | undefined;

  beforeAll(async () => {
    ({ kafka, redis } = await startServerContainers({ kafka: true, redis: true, labels: { [runLabelName]: runId } }));
  }, startTimeoutMs);

  afterAll(async () => {
    for (const server of [kafka, redis]) {
      if (server) await stopServerContainer(server.container);
    }
  }, testTimeoutMs);

  test(
    'Kafka container serves a consumer group',
    async () => {
      const client = createKafka({ clientId: 'containers-test', brokers: [kafka!.address], logger });
      const admin = client.admin();
      const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      const topic = uniqueName('containers-test-topic');
      const sent = Array.from({ length: 20 }, (_, i) => `event-${i}`);
      await admin.connect();
      await producer.connect();
      try {
        await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
        await producer.send({ topic, messages: sent.map((value, i) => ({ key: `host-${i % 4}`, value })) });
        const received = await consumeDistinctValues(client, topic, sent.length);

        expect(received.sort()).toEqual([...sent].sort());
      } finally {
        await producer.disconnect();
        await admin.disconnect();
      }
    },
    testTimeoutMs,
  );

  test(
    'Redis container runs the Lua script',
    async () => {
      const client = createRedis({ url: redis!.address, logger });
      try {
        const key = uniqueName('containers-test:group');

        const first = await client.eval(addAndRaiseMax, 1, key, 2, 150);
        const second = await client.eval(addAndRaiseMax, 1, key, 3, 120);

        expect(first).toEqual([2, '150']);
        expect(second).toEqual([5, '150']);
      } finally {
        await client.quit();
      }
    },
    testTimeoutMs,
  );

  test(
    'stopped containers are removed',
    async () => {
      const labelled = await listRunContainers(runId);
      for (const server of [kafka, redis]) {
        if (server) await stopServerContainer(server.container);
      }
      kafka = undefined;
      redis = undefined;

      expect(labelled).toHaveLength(2);
      expect(await listRunContainers(runId)).toEqual([]);
    },
    testTimeoutMs,
  );
});

describeWithEngine('scratch Redis container', () => {
  const runId = randomUUID();
  let server: ScratchRedis;
  let client: Redis;

  beforeAll(async () => {
    server = await ScratchRedis.create({ kind: 'container', labels: { [runLabelName]: runId } });
    await server.start();
    client = createRedis({ url: server.url, logger });
  }, startTimeoutMs);

  afterAll(async () => {
    if (client.status !== 'end') await client.quit();
    await server.destroy();
  }, testTimeoutMs);

  test(
    'data survives SIGKILL through the AOF',
    async () => {
      await client.eval(addAndRaiseMax, 1, 'window:{w1}:group', 4, 99);

      await server.stop('SIGKILL');
      await server.start();

      expect(await client.hgetall('window:{w1}:group')).toEqual({ count: '4', max: '99' });
    },
    testTimeoutMs,
  );

  test(
    'destroy removes the container',
    async () => {
      const before = await listRunContainers(runId);
      // Closing the client first spares it from reconnecting to a removed container.
      await client.quit();

      await server.destroy();

      expect(before).toHaveLength(1);
      expect(await listRunContainers(runId)).toEqual([]);
    },
    testTimeoutMs,
  );
});
