import {
  isContainerEngineAvailable,
  defaultKafkaImage,
  defaultRedisImage,
  startKafkaContainer,
  startRedisContainer,
} from './containers';
import { startLocalStack } from './local-stack';
import { waitForKafka } from './wait';
import type { StartedTestContainer } from 'testcontainers';

export type ServerSource = 'environment' | 'testcontainers' | 'local-stack';

export interface TestServers {
  kafkaBrokers: string;
  redisUrl: string;
  kafkaSource: ServerSource;
  redisSource: ServerSource;
  containers: StartedTestContainer[];
}

/**
 * Finds Kafka and Redis for the integration tests, in this order: `KAFKA_BROKERS` and
 * `REDIS_URL` when set; else containers, when a Docker-compatible engine is available; else the
 * local servers of scripts/stack.sh. Each server is resolved on its own, so one can come from
 * the environment and the other from a container.
 */
export async function resolveTestServers(env: NodeJS.ProcessEnv = process.env): Promise<TestServers> {
  const fromEnvKafka = env.KAFKA_BROKERS?.trim();
  const fromEnvRedis = env.REDIS_URL?.trim();
  const containers: StartedTestContainer[] = [];
  if (fromEnvKafka && fromEnvRedis) {
    return {
      kafkaBrokers: fromEnvKafka,
      redisUrl: fromEnvRedis,
      kafkaSource: 'environment',
      redisSource: 'environment',
      containers,
    };
  }

  if (await isContainerEngineAvailable()) {
    let kafkaBrokers = fromEnvKafka;
    let redisUrl = fromEnvRedis;
    if (!kafkaBrokers) {
      const kafka = await startKafkaContainer(env.RISKSTREAM_KAFKA_IMAGE ?? defaultKafkaImage);
      containers.push(kafka.container);
      kafkaBrokers = kafka.address;
    }
    if (!redisUrl) {
      const redis = await startRedisContainer(env.RISKSTREAM_REDIS_IMAGE ?? defaultRedisImage);
      containers.push(redis.container);
      redisUrl = redis.address;
    }
    await waitForKafka(kafkaBrokers, 120_000);
    return {
      kafkaBrokers,
      redisUrl,
      kafkaSource: fromEnvKafka ? 'environment' : 'testcontainers',
      redisSource: fromEnvRedis ? 'environment' : 'testcontainers',
      containers,
    };
  }

  const stack = startLocalStack();
  return {
    kafkaBrokers: fromEnvKafka || stack.kafkaBrokers,
    redisUrl: fromEnvRedis || stack.redisUrl,
    kafkaSource: fromEnvKafka ? 'environment' : 'local-stack',
    redisSource: fromEnvRedis ? 'environment' : 'local-stack',
    containers,
  };
}
