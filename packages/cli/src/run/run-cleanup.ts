import { createKafka, createLogger, createRedis } from '@riskstream/runtime';
import type { Servers } from './servers';

/** Deletes a run's topics, with their dead-letter topics, and its Redis keys. */
export async function deleteRunData(servers: Servers, runId: string, topics: string[]): Promise<void> {
  const logger = createLogger({ service: 'riskstream-run', level: 'fatal' });
  const admin = createKafka({ clientId: 'riskstream-run', brokers: servers.kafkaBrokers.split(','), logger }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const withDeadLetters = topics.flatMap((topic) => [topic, `${topic}.dlq`]).filter((topic) => existing.has(topic));
    if (withDeadLetters.length > 0) await admin.deleteTopics({ topics: withDeadLetters });
  } finally {
    await admin.disconnect();
  }
  const redis = createRedis({ url: servers.redisUrl, logger });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*riskstream:${runId}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
