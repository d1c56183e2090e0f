import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, EnvReader, readCommonConfig } from '../src/config';

function readCommon(env: NodeJS.ProcessEnv) {
  const reader = new EnvReader(env);
  const config = readCommonConfig(reader, 'ingest', 9464);
  reader.done();
  return config;
}

test('common config reads defaults', () => {
  const config = readCommon({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' });

  expect(config.kafkaBrokers).toEqual(['kafka-1:9092', 'kafka-2:9092']);
  expect(config.httpHost).toBe('127.0.0.1');
  expect(config.httpPort).toBe(9464);
  expect(config.kafkaSecurity).toEqual({ ssl: false });
});

test('config error lists every bad variable', () => {
  let error: unknown;
  try {
    readCommon({ KAFKA_BROKERS: 'kafka-1', HTTP_PORT: '70000', LOG_LEVEL: 'loud' });
  } catch (caught) {
    error = caught;
  }

  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).problems.map((problem) => problem.variable)).toEqual([
    'KAFKA_BROKERS',
    'LOG_LEVEL',
    'HTTP_PORT',
  ]);
  expect((error as ConfigError).message).toContain('invalid broker "kafka-1": expected host:port');
});

test('secret is read from its _FILE variant', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'riskstream-env-')), 'password');
  writeFileSync(file, 's3cret\n');

  const config = readCommon({
    KAFKA_BROKERS: 'kafka-1:9093',
    KAFKA_SSL: 'true',
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: 'riskstream',
    KAFKA_SASL_PASSWORD_FILE: file,
  });

  expect(config.kafkaSecurity).toEqual({
    ssl: true,
    sasl: { mechanism: 'scram-sha-512', username: 'riskstream', password: 's3cret' },
  });
});

test('SASL without credentials is rejected', () => {
  expect(() => readCommon({ KAFKA_BROKERS: 'kafka-1:9093', KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
    /KAFKA_SASL_USERNAME: missing[\s\S]*KAFKA_SASL_PASSWORD: missing/,
  );
});

test('unreadable _FILE is reported', () => {
  expect(() => readCommon({ KAFKA_BROKERS: 'kafka-1:9092', KAFKA_CLIENT_ID_FILE: '/nonexistent/client-id' })).toThrow(
    /KAFKA_CLIENT_ID_FILE: cannot read \/nonexistent\/client-id/,
  );
});
