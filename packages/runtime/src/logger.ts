import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: string;
}

/**
 * Creates the JSON logger every service uses. Messages are constant phrases and ids go into
 * fields, so log queries can filter on them. Secret-bearing paths are redacted.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    name: options.service,
    level: options.level ?? 'info',
    base: { service: options.service },
    redact: {
      paths: ['password', '*.password', 'sasl.password', '*.sasl.password', 'redisUrl', '*.redisUrl'],
      censor: '[redacted]',
    },
  });
}
