import { parseStackEnv } from '../src/local-stack';

test('parseStackEnv reads exported and plain lines', () => {
  const endpoints = parseStackEnv("export KAFKA_BROKERS=127.0.0.1:9092\nREDIS_URL='redis://127.0.0.1:6379/0'\n");

  expect(endpoints.kafkaBrokers).toBe('127.0.0.1:9092');
  expect(endpoints.redisUrl).toBe('redis://127.0.0.1:6379/0');
});

test('parseStackEnv rejects a file without addresses', () => {
  expect(() => parseStackEnv('# empty\n')).toThrow(/KAFKA_BROKERS or REDIS_URL/);
});
