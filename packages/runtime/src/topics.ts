import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from './logger';

export interface TopicSpec {
  topic: string;
  partitions: number;
}

const topicsReadyTimeoutMs = 30_000;

/**
 * Creates the topics that do not exist yet; existing topics are left as they are. Another
 * service may create the same topic at the same moment, so "already exists" counts as success.
 */
export async function ensureTopics(admin: Admin, specs: TopicSpec[], logger: Logger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.partitions })),
    });
  } catch (error) {
    if (!onlyAlreadyExists(error)) throw error;
  }
  logger.info({ topics: missing.map((spec) => spec.topic) }, 'topics created');
}

function onlyAlreadyExists(error: unknown): boolean {
  const nested = (error as { errors?: Array<{ type?: string }> }).errors;
  return Array.isArray(nested) && nested.length > 0 && nested.every((item) => item.type === 'TOPIC_ALREADY_EXISTS');
}

/**
 * Creates missing topics, then returns the partition count of each requested topic. A topic that
 * another process has just created may not have leaders yet, so metadata is retried for up to 30 s.
 */
export async function prepareTopics(kafka: Kafka, specs: TopicSpec[], logger: Logger): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + topicsReadyTimeoutMs;
  try {
    for (;;) {
      try {
        await ensureTopics(admin, specs, logger);
        const metadata = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.topic) });
        return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(
            `topics ${specs.map((spec) => spec.topic).join(', ')} were not ready within ${topicsReadyTimeoutMs} ms`,
            { cause: error },
          );
        logger.warn({ err: error }, 'topics not ready; retrying');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
