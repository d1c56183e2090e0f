import type { EnvReader } from './env-reader';

/** Settings every service shares: where Kafka is, how to log, where to serve metrics. */
export interface CommonConfig {
  kafkaBrokers: string[];
  kafkaClientId: string;
  /** TLS to the brokers, and SASL credentials when the cluster requires them. */
  kafkaSecurity: KafkaSecurity;
  logLevel: string;
  httpPort: number;
  httpHost: string;
}

export interface KafkaSecurity {
  ssl: boolean;
  sasl?: { mechanism: SaslMechanism; username: string; password: string };
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
type SaslMechanism = (typeof saslMechanisms)[number];

function readKafkaSecurity(env: EnvReader): KafkaSecurity {
  const ssl = env.boolean('KAFKA_SSL', false);
  const mechanism = env.raw('KAFKA_SASL_MECHANISM');
  if (mechanism === undefined) return { ssl };
  const sasl = {
    mechanism: env.oneOf('KAFKA_SASL_MECHANISM', saslMechanisms, 'plain'),
    username: env.requiredString('KAFKA_SASL_USERNAME', 'the SASL user name'),
    password: env.requiredString(
      'KAFKA_SASL_PASSWORD',
      'the SASL password, or KAFKA_SASL_PASSWORD_FILE to a file holding it',
    ),
  };
  return { ssl, sasl };
}

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
    kafkaSecurity: readKafkaSecurity(env),
    logLevel: env.oneOf('LOG_LEVEL', logLevels, 'info'),
    httpPort: env.integer('HTTP_PORT', defaultHttpPort, { min: 0, max: 65535 }),
    httpHost: env.string('HTTP_HOST', '127.0.0.1'),
  };
}
