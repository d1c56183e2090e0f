import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger';

export interface RedisClientOptions {
  url: string;
  logger: Logger;
  overrides?: RedisOptions;
}

/**
 * Creates an ioredis client that logs connection changes. Commands issued while the
 * connection is down wait in ioredis's offline queue and run after it reconnects.
 */
export function createRedis(options: RedisClientOptions): Redis {
  const log = options.logger.child({ component: 'ioredis' });
  const client = new Redis(options.url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    ...options.overrides,
  });
  client.on('ready', () => log.info('redis connection ready'));
  client.on('reconnecting', (delayMs: number) => log.warn({ delayMs }, 'redis reconnecting'));
  client.on('error', (error: Error) => log.warn({ err: error }, 'redis connection error'));
  return client;
}
