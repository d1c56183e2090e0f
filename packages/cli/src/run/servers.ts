import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../../../..');

export interface Servers {
  kafkaBrokers: string;
  redisUrl: string;
  /** Origin of the addresses, for the start-up message. */
  source: 'environment' | 'local stack';
}

/** Uses KAFKA_BROKERS and REDIS_URL when both are set; otherwise starts the local servers. */
export function resolveServers(env: NodeJS.ProcessEnv): Servers {
  const kafkaBrokers = env.KAFKA_BROKERS?.trim();
  const redisUrl = env.REDIS_URL?.trim();
  if (kafkaBrokers && redisUrl) return { kafkaBrokers, redisUrl, source: 'environment' };
  const output = execFileSync('bash', [path.join(repositoryRoot, 'scripts', 'stack.sh'), 'up'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const value = (name: string) => new RegExp(`^${name}=(.+)$`, 'm').exec(output)?.[1]?.trim();
  const brokers = kafkaBrokers || value('KAFKA_BROKERS');
  const redis = redisUrl || value('REDIS_URL');
  if (!brokers || !redis)
    throw new Error(`scripts/stack.sh up did not print KAFKA_BROKERS and REDIS_URL; it printed: ${output}`);
  return { kafkaBrokers: brokers, redisUrl: redis, source: 'local stack' };
}
