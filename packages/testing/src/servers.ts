import type { StartedTestContainer } from 'testcontainers';
import { isContainerEngineAvailable, startServerContainers } from './containers';
import { startLocalStack } from './local-stack';

export type ServerSource = 'environment' | 'testcontainers' | 'local-stack';

/** Value of RISKSTREAM_TEST_SERVERS: `auto` tries containers, then the local stack; the others allow only one. */
export type ServerMode = 'auto' | 'containers' | 'local-stack';

const serverModes: readonly string[] = ['auto', 'containers', 'local-stack'] satisfies ServerMode[];

export interface TestServers {
  kafkaBrokers: string;
  redisUrl: string;
  kafkaSource: ServerSource;
  redisSource: ServerSource;
  /** Containers started for these servers, which the caller stops. */
  containers: StartedTestContainer[];
}

/** Reads RISKSTREAM_TEST_SERVERS, which defaults to `auto`. */
export function readServerMode(env: NodeJS.ProcessEnv = process.env): ServerMode {
  const value = env.RISKSTREAM_TEST_SERVERS?.trim() || 'auto';
  if (!serverModes.includes(value)) {
    throw new Error(
      `RISKSTREAM_TEST_SERVERS=${value} is invalid. Set it to auto, containers or local-stack, or unset it`,
    );
  }
  return value as ServerMode;
}

/**
 * Finds Kafka and Redis for the integration tests. It takes `KAFKA_BROKERS` and `REDIS_URL` when
 * set. Otherwise it starts containers when a Docker-compatible engine responds, and otherwise the
 * local servers of scripts/stack.sh. Each server is resolved on its own, so one can come from the environment and
 * the other from a container. RISKSTREAM_TEST_SERVERS=containers turns a missing engine into an
 * error instead of a fallback, and RISKSTREAM_TEST_SERVERS=local-stack skips the engine.
 */
export async function resolveTestServers(env: NodeJS.ProcessEnv = process.env): Promise<TestServers> {
  const mode = readServerMode(env);
  const kafkaFromEnv = env.KAFKA_BROKERS?.trim() || undefined;
  const redisFromEnv = env.REDIS_URL?.trim() || undefined;
  const sourceOf = (fromEnv: string | undefined, otherwise: ServerSource): ServerSource =>
    fromEnv ? 'environment' : otherwise;

  if (kafkaFromEnv && redisFromEnv) {
    return {
      kafkaBrokers: kafkaFromEnv,
      redisUrl: redisFromEnv,
      kafkaSource: 'environment',
      redisSource: 'environment',
      containers: [],
    };
  }

  if (await shouldUseContainers(mode)) {
    const started = await startServerContainers({ kafka: !kafkaFromEnv, redis: !redisFromEnv, env });
    const containers = [started.kafka?.container, started.redis?.container].filter(
      (container) => container !== undefined,
    );
    return {
      kafkaBrokers: kafkaFromEnv ?? requireAddress(started.kafka?.address, 'Kafka'),
      redisUrl: redisFromEnv ?? requireAddress(started.redis?.address, 'Redis'),
      kafkaSource: sourceOf(kafkaFromEnv, 'testcontainers'),
      redisSource: sourceOf(redisFromEnv, 'testcontainers'),
      containers,
    };
  }

  const stack = startLocalStack();
  return {
    kafkaBrokers: kafkaFromEnv ?? stack.kafkaBrokers,
    redisUrl: redisFromEnv ?? stack.redisUrl,
    kafkaSource: sourceOf(kafkaFromEnv, 'local-stack'),
    redisSource: sourceOf(redisFromEnv, 'local-stack'),
    containers: [],
  };
}

async function shouldUseContainers(mode: ServerMode): Promise<boolean> {
  if (mode === 'local-stack') return false;
  const available = await isContainerEngineAvailable();
  if (mode === 'containers' && !available) {
    throw new Error(
      'RISKSTREAM_TEST_SERVERS=containers, but testcontainers found no Docker-compatible engine. ' +
        'Start Docker, or run `bash scripts/podman-engine.sh start` and export the variables it prints, ' +
        'or unset RISKSTREAM_TEST_SERVERS to fall back to scripts/stack.sh',
    );
  }
  return available;
}

function requireAddress(address: string | undefined, server: string): string {
  if (!address) throw new Error(`startServerContainers returned no ${server} container although one was requested`);
  return address;
}
