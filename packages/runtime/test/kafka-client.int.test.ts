import { Partitioners, type Admin, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { createKafka, createLogger } from '@riskstream/runtime';
import { requireTestEnv, uniqueName } from '@riskstream/testing';

// These tests pin down what riskstream needs from kafkajs 2.2.4 against the Kafka 4.x broker.

const logger = createLogger({ service: 'kafka-client-test', level: 'fatal' });
let kafka: Kafka;
let admin: Admin;
const openClients: Array<Producer | Consumer> = [];

beforeAll(async () => {
  kafka = createKafka({ clientId: 'kafka-client-test', brokers: requireTestEnv('KAFKA_BROKERS').split(','), logger });
  admin = kafka.admin();
  await admin.connect();
});

afterEach(async () => {
  for (const client of openClients.splice(0)) await client.disconnect();
});

afterAll(async () => {
  await admin.disconnect();
});

async function createTopic(partitions: number): Promise<string> {
  const topic = uniqueName('test-topic');
  const created = await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  expect(created).toBe(true);
  return topic;
}

async function connectedProducer(options: Parameters<Kafka['producer']>[0] = {}): Promise<Producer> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, ...options });
  openClients.push(producer);
  await producer.connect();
  return producer;
}

/** Runs the consumer until `count` messages arrived; it keeps fetching until it is disconnected. */
async function consumeMessages(
  consumer: Consumer,
  topic: string,
  count: number,
  options: { autoCommit?: boolean } = {},
): Promise<KafkaMessage[]> {
  const received: KafkaMessage[] = [];
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} messages`)), 30_000);
    consumer
      .run({
        autoCommit: options.autoCommit ?? true,
        eachMessage: async ({ message, partition }) => {
          received.push(message);
          if (options.autoCommit === false && received.length <= count) {
            await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
          }
          if (received.length === count) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  return received;
}

function values(messages: KafkaMessage[]): string[] {
  return messages.map((message) => message.value?.toString() ?? '').sort();
}

test('createTopics makes the requested partitions', async () => {
  const topic = await createTopic(3);

  const metadata = await admin.fetchTopicMetadata({ topics: [topic] });

  expect(metadata.topics[0]?.partitions).toHaveLength(3);
});

test('consumer group receives what was produced', async () => {
  const topic = await createTopic(3);
  const producer = await connectedProducer();
  const sent = Array.from({ length: 30 }, (_, i) => `event-${i}`);
  await producer.send({ topic, messages: sent.map((value, i) => ({ key: `host-${i % 5}`, value })) });

  const consumer = kafka.consumer({ groupId: uniqueName('test-group') });
  openClients.push(consumer);
  await consumer.connect();
  const received = await consumeMessages(consumer, topic, sent.length);

  expect(values(received)).toEqual([...sent].sort());
});

test('committed offsets resume after consumer restart', async () => {
  const topic = await createTopic(1);
  const groupId = uniqueName('test-group');
  const producer = await connectedProducer();
  await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `first-${i}` })) });

  const first = kafka.consumer({ groupId });
  await first.connect();
  const firstBatch = await consumeMessages(first, topic, 10, { autoCommit: false });
  await first.disconnect();
  // Read before the second consumer starts: its auto-commit may move the offset at any time after.
  const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
  await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `second-${i}` })) });

  const second = kafka.consumer({ groupId });
  openClients.push(second);
  await second.connect();
  const secondBatch = await consumeMessages(second, topic, 5);

  expect(firstBatch).toHaveLength(10);
  expect(committed[0]?.partitions[0]?.offset).toBe('10');
  expect(values(secondBatch)).toEqual(['second-0', 'second-1', 'second-2', 'second-3', 'second-4']);
});

test('idempotent producer writes each message once', async () => {
  const topic = await createTopic(1);
  const producer = await connectedProducer({ idempotent: true, maxInFlightRequests: 1 });

  const results = await producer.send({
    topic,
    acks: -1,
    messages: Array.from({ length: 20 }, (_, i) => ({ value: `idempotent-${i}` })),
  });
  const offsets = await admin.fetchTopicOffsets(topic);

  expect(results[0]?.errorCode).toBe(0);
  expect(offsets[0]?.high).toBe('20');
});

test('transaction commits output and consumer offsets together', async () => {
  const input = await createTopic(1);
  const output = await createTopic(1);
  const groupId = uniqueName('test-group');
  const producer = await connectedProducer({
    transactionalId: uniqueName('test-tx'),
    idempotent: true,
    maxInFlightRequests: 1,
  });

  const transaction = await producer.transaction();
  await transaction.send({ topic: output, messages: [{ value: 'committed-1' }, { value: 'committed-2' }] });
  await transaction.sendOffsets({
    consumerGroupId: groupId,
    topics: [{ topic: input, partitions: [{ partition: 0, offset: '7' }] }],
  });
  await transaction.commit();

  const aborted = await producer.transaction();
  await aborted.send({ topic: output, messages: [{ value: 'aborted-1' }] });
  await aborted.abort();

  const reader = kafka.consumer({ groupId: uniqueName('test-reader'), readUncommitted: false });
  openClients.push(reader);
  await reader.connect();
  const received = await consumeMessages(reader, output, 2);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const offsets = await admin.fetchOffsets({ groupId, topics: [input] });

  expect(values(received)).toEqual(['committed-1', 'committed-2']);
  expect(offsets[0]?.partitions[0]?.offset).toBe('7');
});
