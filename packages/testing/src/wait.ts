import { Kafka, logLevel } from 'kafkajs';

/** Polls the broker until it answers a metadata request, or fails after `timeoutMs`. */
export async function waitForKafka(brokers: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const kafka = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  let lastError: unknown;
  while (Date.now() < deadline) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  throw new Error(`Kafka at ${brokers} did not answer metadata requests within ${timeoutMs} ms`, { cause: lastError });
}
