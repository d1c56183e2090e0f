import { createServer } from 'node:net';
import { createRedis, type Admin, type Kafka, type Logger } from '@riskstream/runtime';

/** Returns a TCP port on 127.0.0.1 that was free a moment ago, though another process may take it first. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function createTopic(kafka: Kafka, topic: string, partitions: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

/** Deletes every topic and consumer group whose name starts with `prefix` and returns their names. */
export async function deleteKafkaResources(kafka: Kafka, prefix: string): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
    const { groups } = await admin.listGroups();
    const groupIds = groups.map((group) => group.groupId).filter((groupId) => groupId.startsWith(prefix));
    if (groupIds.length > 0) await deleteGroups(admin, groupIds, topics.length);
    return [...topics, ...groupIds];
  } finally {
    await admin.disconnect();
  }
}

async function deleteGroups(admin: Admin, groupIds: string[], topicsDeleted: number): Promise<void> {
  try {
    await admin.deleteGroups(groupIds);
  } catch (error) {
    // The broker rejects deleting a group with members, and a killed member stays until its session times out.
    const command = 'bash scripts/stack.sh kafka-class org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';
    throw new Error(
      `deleted ${topicsDeleted} topics, but deleting consumer groups ${groupIds.join(', ')} failed ` +
        `(${(error as Error).message}). Delete them once their members are gone: ` +
        `${command} --bootstrap-server BROKER --delete --group GROUP`,
      { cause: error },
    );
  }
}

/** Deletes the Redis keys that match the glob `pattern` with SCAN and UNLINK, and returns how many it deleted. */
export async function deleteRedisKeys(url: string, pattern: string, logger: Logger): Promise<number> {
  const redis = createRedis({ url, logger });
  let deleted = 0;
  try {
    let cursor = '0';
    // SCAN returns cursor 0 once it has visited every key, so the loop ends.
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
