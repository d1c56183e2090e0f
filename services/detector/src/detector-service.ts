import { compileDetection, type CompiledDetection, type SchemaRegistry, type WindowsEvent } from '@riskstream/core';
import {
  createKafka,
  loadDetectionFile,
  prepareTopics,
  startTransformService,
  type HealthState,
  type Logger,
  type ServiceHandle,
} from '@riskstream/runtime';
import type { DetectorConfig } from './config';
import { createDetectorTransform } from './detector-transform';
import type { DetectorMetrics } from './metrics';

export interface DetectorDependencies {
  logger: Logger;
  metrics: DetectorMetrics;
  health: HealthState;
  registry: SchemaRegistry<WindowsEvent>;
}

/** Loads and compiles the detection file with the configured exclusions and channels. */
export function loadDetection(
  config: Pick<DetectorConfig, 'detectionFile' | 'exclusions' | 'channels'>,
): CompiledDetection {
  const detection = loadDetectionFile(config.detectionFile);
  if (config.channels) detection.input = { channels: config.channels };
  return compileDetection(detection, { exclusions: config.exclusions });
}

/** Starts consuming normalized events and producing matches; returns a handle to stop it. */
export async function startDetector(config: DetectorConfig, deps: DetectorDependencies): Promise<ServiceHandle> {
  const { logger, metrics } = deps;
  const detection = loadDetection(config);
  logger.info(
    {
      detection: detection.detection.name,
      exclusions: config.exclusions.length,
      channels: detection.detection.input.channels,
    },
    'detection loaded',
  );
  const partitions = config.topicPartitions;
  const kafka = createKafka({
    clientId: config.kafkaClientId,
    brokers: config.kafkaBrokers,
    security: config.kafkaSecurity,
    logger,
  });
  const topics = [config.eventsTopic, config.matchesTopic, config.deadLetterTopic].map((topic) => ({
    topic,
    partitions,
  }));
  const partitionCounts = await prepareTopics(kafka, topics, logger);
  const matchesPartitions = partitionCounts.get(config.matchesTopic) ?? partitions;
  return startTransformService({
    kafka,
    logger,
    health: deps.health,
    groupId: config.groupId,
    inputTopic: config.eventsTopic,
    topics,
    transform: createDetectorTransform({ config, detection, registry: deps.registry, metrics, matchesPartitions }),
    chunkSize: config.chunkSize,
    onChunkCommitted: ({ source, offsetLag }) => {
      metrics.consumerLag.set({ topic: source.topic, partition: String(source.partition) }, Number(offsetLag));
    },
  });
}
