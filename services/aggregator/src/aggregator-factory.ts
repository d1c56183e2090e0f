import {
  compileDetection,
  createWindowsEventCodec,
  parseAvroSchema,
  serializeRiskEventJson,
  SingleObjectEncoder,
  validateWindowSettings,
  type RiskEvent,
} from '@riskstream/core';
import {
  createKafka,
  createRedis,
  loadDetectionFile,
  loadSchema,
  type HealthState,
  type Logger,
  type Redis,
} from '@riskstream/runtime';
import { Aggregator } from './aggregator-service';
import type { AggregatorConfig, RiskEventFormat } from './config';
import type { AggregatorMetrics } from './metrics';

/** Chooses how risk events are written: JSON, as SIEM HTTP inputs read it, or Avro single-object encoding. */
export function riskEventEncoder(format: RiskEventFormat): (event: RiskEvent) => Buffer {
  if (format === 'json') return serializeRiskEventJson;
  const encoder = new SingleObjectEncoder<RiskEvent>(parseAvroSchema(loadSchema('risk-event.avsc'), 'risk-event.avsc'));
  return (event) => encoder.encode(event);
}

/** Builds an Aggregator from configuration: detection file, window overrides, codecs, Kafka and Redis clients. */
export function createAggregator(
  config: AggregatorConfig,
  deps: { logger: Logger; metrics: AggregatorMetrics; health: HealthState; redis?: Redis; now?: () => number },
): { aggregator: Aggregator; redis: Redis } {
  const fromFile = loadDetectionFile(config.detectionFile);
  const settings = { ...fromFile.window, ...config.window };
  validateWindowSettings(settings);
  // Risk events take `_time` from the detection's window, so the overrides go into it.
  const detection = compileDetection({ ...fromFile, window: settings });
  const redis = deps.redis ?? createRedis({ url: config.redisUrl, logger: deps.logger });
  // Counting needs Redis, so the aggregator is not ready while Redis is unreachable.
  deps.health.setDependency('redis', redis.status === 'ready', 'connecting');
  redis.on('ready', () => deps.health.setDependency('redis', true));
  redis.on('error', (error: Error) => deps.health.setDependency('redis', false, error.message));
  redis.on('end', () => deps.health.setDependency('redis', false, 'connection closed'));
  const aggregator = new Aggregator(config, {
    ...deps,
    kafka: createKafka({
      clientId: config.kafkaClientId,
      brokers: config.kafkaBrokers,
      security: config.kafkaSecurity,
      logger: deps.logger,
    }),
    redis,
    registry: createWindowsEventCodec(loadSchema('windows-event.avsc')).registry,
    detection,
    settings,
    encodeRiskEvent: riskEventEncoder(config.riskEventFormat),
  });
  return { aggregator, redis };
}
