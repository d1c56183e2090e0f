import { Kafka, logLevel, type KafkaConfig, type LogEntry, type SASLOptions } from 'kafkajs';
import type { KafkaSecurity } from './config/common-config';
import type { Logger } from './logger';

export interface KafkaClientOptions {
  clientId: string;
  brokers: string[];
  logger: Logger;
  security?: KafkaSecurity;
  /** Extra kafkajs settings (SASL, SSL, retry); merged over the defaults below. */
  overrides?: Partial<KafkaConfig>;
}

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Creates a kafkajs client whose own log lines go to the service logger, under
 * `component: "kafkajs"`, instead of kafkajs's console output.
 */
export function createKafka(options: KafkaClientOptions): Kafka {
  const kafkaLogger = options.logger.child({ component: 'kafkajs' });
  const logCreator = () => (entry: LogEntry) => {
    const { message, ...fields } = entry.log;
    const level = levelNames[entry.level] ?? 'info';
    kafkaLogger[level]({ ...fields, namespace: entry.namespace }, message);
  };
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: logLevel.INFO,
    logCreator,
    ssl: options.security?.ssl ?? false,
    ...(options.security?.sasl ? { sasl: options.security.sasl as SASLOptions } : {}),
    ...options.overrides,
  });
}
