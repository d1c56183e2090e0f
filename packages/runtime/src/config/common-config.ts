import type { EnvReader } from './env-reader';

/** Settings every service shares: where Kafka is, how to log, where to serve metrics. */
export interface CommonConfig {
  kafkaBrokers: string[];
  kafkaClientId: string;
  logLevel: string;
  httpPort: number;
  httpHost: string;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function readCommonConfig(env: EnvReader, service: string, defaultHttpPort: number): CommonConfig {
  const brokers = env.list('KAFKA_BROKERS', []);
  if (brokers.length === 0) env.fail('KAFKA_BROKERS', 'missing: set it to host:port[,host:port…]');
  for (const broker of brokers) {
    if (!/^[^:\s]+:\d+$/.test(broker))
      env.fail('KAFKA_BROKERS', `invalid broker ${JSON.stringify(broker)}: expected host:port`);
  }
  return {
    kafkaBrokers: brokers,
    kafkaClientId: env.string('KAFKA_CLIENT_ID', `riskstream-${service}`),
    logLevel: env.oneOf('LOG_LEVEL', logLevels, 'info'),
    httpPort: env.integer('HTTP_PORT', defaultHttpPort, { min: 0, max: 65535 }),
    httpHost: env.string('HTTP_HOST', '127.0.0.1'),
  };
}
