import {
  EnvelopeError,
  EventXmlError,
  extractXml,
  type SingleObjectEncoder,
  type WindowsEvent,
} from '@riskstream/core';
import {
  createKafka,
  RecordTooLargeError,
  startTransformService,
  type HealthState,
  type Logger,
  type ServiceHandle,
} from '@riskstream/runtime';
import type { IngestConfig } from './config';
import { createIngestTransform, type RejectionError } from './ingest-transform';
import type { IngestMetrics } from './metrics';

export interface IngestDependencies {
  logger: Logger;
  metrics: IngestMetrics;
  health: HealthState;
  encoder: SingleObjectEncoder<WindowsEvent>;
}

/** Malformed input is dead-lettered; any other error is a bug and stops the batch for a retry. */
function asRejection(error: unknown): RejectionError | undefined {
  const rejected =
    error instanceof EventXmlError || error instanceof EnvelopeError || error instanceof RecordTooLargeError;
  return rejected ? error : undefined;
}

/** Starts consuming raw XML and producing normalized records; returns a handle to stop it. */
export function startIngest(config: IngestConfig, deps: IngestDependencies): Promise<ServiceHandle> {
  const { logger, metrics } = deps;
  const partitions = config.topicPartitions;
  const transform = createIngestTransform({
    config,
    extractXml,
    encode: (event) => deps.encoder.encode(event),
    asRejection,
    metrics,
    logger,
  });
  return startTransformService({
    kafka: createKafka({
      clientId: config.kafkaClientId,
      brokers: config.kafkaBrokers,
      security: config.kafkaSecurity,
      logger,
    }),
    logger,
    health: deps.health,
    groupId: config.groupId,
    inputTopic: config.rawTopic,
    topics: [config.rawTopic, config.eventsTopic, config.deadLetterTopic].map((topic) => ({ topic, partitions })),
    transform,
    chunkSize: config.chunkSize,
    onChunkCommitted: ({ source, messages, offsetLag }) => {
      metrics.chunkSize.observe(messages);
      metrics.consumerLag.set({ topic: source.topic, partition: String(source.partition) }, Number(offsetLag));
    },
  });
}
