import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from './logger';

export interface TopicSpec {
  topic: string;
  partitions: number;
}

/** Creates the topics that do not exist yet; existing topics are left as they are. */
export async function ensureTopics(admin: Admin, specs: TopicSpec[], logger: Logger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((spec) => ({ topic: spec.topic, numPartitions: spec.partitions })),
  });
  logger.info({ topics: missing.map((spec) => spec.topic) }, 'topics created');
}

/** Creates missing topics, then returns the partition count of each requested topic. */
export async function prepareTopics(kafka: Kafka, specs: TopicSpec[], logger: Logger): Promise<Map<string, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, specs, logger);
    const metadata = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.topic) });
    return new Map(metadata.topics.map((topic) => [topic.name, topic.partitions.length]));
  } finally {
    await admin.disconnect();
  }
}
