import type { Kafka } from 'kafkajs';
import { trackConsumerHealth } from './consumer-health';
import type { Logger } from './logger';
import type { HealthState } from './ops-server';
import { createProducer } from './producer';
import { prepareTopics, type TopicSpec } from './topics';
import { runTransformLoop, type TransformLoopOptions } from './transform-loop';

export interface TransformServiceOptions extends Pick<
  TransformLoopOptions,
  'transform' | 'chunkSize' | 'onChunkCommitted'
> {
  kafka: Kafka;
  logger: Logger;
  health: HealthState;
  groupId: string;
  inputTopic: string;
  /** Topics created when missing, the input topic included. */
  topics: TopicSpec[];
}

/** A running consume → transform → produce service. */
export interface ServiceHandle {
  /** Stops fetching, lets the current chunk finish and commit, then disconnects. */
  stop(): Promise<void>;
}

/** Creates missing topics, connects, subscribes and starts the transform loop in the background. */
export async function startTransformService(options: TransformServiceOptions): Promise<ServiceHandle> {
  const { kafka, logger } = options;
  await prepareTopics(kafka, options.topics, logger);

  const producer = createProducer(kafka);
  await producer.connect();
  const consumer = kafka.consumer({ groupId: options.groupId });
  trackConsumerHealth(consumer, options.health, logger);
  await consumer.connect();
  await consumer.subscribe({ topic: options.inputTopic, fromBeginning: true });
  await runTransformLoop({ ...options, consumer, producer });
  logger.info({ inputTopic: options.inputTopic, groupId: options.groupId }, 'service started');

  return {
    stop: async () => {
      await consumer.stop();
      await consumer.disconnect();
      await producer.disconnect();
      logger.info({ groupId: options.groupId }, 'service stopped');
    },
  };
}
