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
  /** Largest record a service produces; larger ones go to the dead-letter topic instead. */
  maxRecordBytes: number;
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
    const port = Number(/^[^:\s]+:(\d+)$/.exec(broker)?.[1]);
    if (!(port > 0 && port < 65536)) {
      env.fail(
        'KAFKA_BROKERS',
        `invalid broker ${JSON.stringify(broker)}: expected host:port with a port from 1 to 65535`,
      );
    }
  }
  return {
    kafkaBrokers: brokers,
    kafkaClientId: env.string('KAFKA_CLIENT_ID', `riskstream-${service}`),
    kafkaSecurity: readKafkaSecurity(env),
    logLevel: env.oneOf('LOG_LEVEL', logLevels, 'info'),
    httpPort: env.integer('HTTP_PORT', defaultHttpPort, { min: 0, max: 65535 }),
    httpHost: env.string('HTTP_HOST', '127.0.0.1'),
    // Kafka's default message.max.bytes is 1,048,588 for a whole batch, so a record must stay below it.
    maxRecordBytes: env.integer('MAX_RECORD_BYTES', 1_000_000, { min: 10_000, max: 100_000_000 }),
  };
}
