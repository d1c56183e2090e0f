export { createLogger, type Logger, type LoggerOptions } from './logger';
export { createKafka, type KafkaClientOptions } from './kafka';
export { createRedis, type RedisClientOptions } from './redis';
