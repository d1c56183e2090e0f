import type { Kafka, KafkaMessage } from 'kafkajs';
import { uniqueName } from './names';

/**
 * Reads a topic from the beginning with a fresh consumer group until `count` messages arrived,
 * then waits `settleMs` more to catch any extra message, and returns them all. Fails with the
 * number received when `timeoutMs` passes first.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  count: number,
  options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<KafkaMessage[]> {
  const { timeoutMs = 60_000, settleMs = 500 } = options;
  const consumer = kafka.consumer({ groupId: uniqueName('test-reader') });
  const received: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${received.length} of ${count} messages from ${topic}`)),
        timeoutMs,
      );
      const check = () => {
        if (received.length < count) return;
        clearTimeout(timer);
        setTimeout(resolve, settleMs);
      };
      check();
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            received.push(...batch.messages);
            check();
            await Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}
