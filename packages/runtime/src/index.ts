export { createLogger, type Logger, type LoggerOptions } from './logger';
export { createKafka, type KafkaClientOptions } from './kafka';
export { createProducer } from './producer';
export { createRedis, type RedisClientOptions } from './redis';
export { createMetricsRegistry } from './metrics';
export { HealthState, startOpsServer, stopOpsServer, type OpsServerOptions } from './ops-server';
export { installShutdown, type ShutdownStep } from './shutdown';
export {
  runTransformLoop,
  sendAll,
  type OutputRecord,
  type SourcePosition,
  type TransformChunk,
  type TransformLoopOptions,
} from './transform-loop';
export * from './config';
export type { Consumer, Producer, Kafka, KafkaMessage, IHeaders, Admin } from 'kafkajs';
export { Counter, Gauge, Histogram, type Registry } from 'prom-client';
export type { Redis } from 'ioredis';
export { deadLetterRecord, deadLetterHeaders } from './dead-letter';
export { ensureTopics, prepareTopics, type TopicSpec } from './topics';
export { trackConsumerHealth } from './consumer-health';
export { loadSchema } from './schemas';
export { startTransformService, type ServiceHandle, type TransformServiceOptions } from './transform-service';
export { defaultDetectionFile, loadDetectionFile } from './detection-file';
export { runServiceMain, type ServiceContext, type ServiceMainOptions } from './service-main';
export { freePort } from './free-port';
export { RecordTooLargeError, recordBytes } from './record-size';
