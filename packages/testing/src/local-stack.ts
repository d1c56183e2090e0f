import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../../..');

export interface StackEndpoints {
  kafkaBrokers: string;
  redisUrl: string;
}

/**
 * Starts Kafka and Redis with scripts/stack.sh (a no-op when they already run) and reads the
 * addresses it writes to its env file.
 */
export function startLocalStack(): StackEndpoints {
  const script = path.join(repositoryRoot, 'scripts', 'stack.sh');
  execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const stackDir = process.env.RISKSTREAM_STACK_DIR ?? path.join(repositoryRoot, '.stack');
  return parseStackEnv(readFileSync(path.join(stackDir, 'env'), 'utf8'));
}

/** Parses the `NAME=value` lines of the stack's env file. */
export function parseStackEnv(text: string): StackEndpoints {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(?:export\s+)?([A-Z_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] && match[2] !== undefined) values.set(match[1], match[2].replace(/^['"]|['"]$/g, ''));
  }
  const kafkaBrokers = values.get('KAFKA_BROKERS');
  const redisUrl = values.get('REDIS_URL');
  if (!kafkaBrokers || !redisUrl) {
    throw new Error('The stack env file lacks KAFKA_BROKERS or REDIS_URL; run `npm run stack:up` and check .stack/env');
  }
  return { kafkaBrokers, redisUrl };
}
