import { readAggregatorConfig } from '../src/config';

const base = { KAFKA_BROKERS: '127.0.0.1:9092' };

test.each([
  ['notaurl', /REDIS_URL: invalid URL/],
  ['http://127.0.0.1:6379', /REDIS_URL: invalid scheme http:/],
  ['redis://127.0.0.1:6379/99', /REDIS_URL: invalid database "99"/],
])('REDIS_URL %s is rejected', (url, message) => {
  expect(() => readAggregatorConfig({ ...base, REDIS_URL: url })).toThrow(message);
});

test('password in REDIS_URL is not in the error', () => {
  expect(() => readAggregatorConfig({ ...base, REDIS_URL: 'redis://user:s3cret@redis/42' })).toThrow(
    /^(?![\s\S]*s3cret)/,
  );
});

test('window offset must be below the size', () => {
  expect(() =>
    readAggregatorConfig({
      ...base,
      REDIS_URL: 'redis://redis:6379/0',
      WINDOW_SIZE_SECONDS: '3600',
      WINDOW_OFFSET_SECONDS: '4000',
    }),
  ).toThrow(/WINDOW_OFFSET_SECONDS: invalid value 4000/);
});

test('valid Redis URLs pass', () => {
  for (const url of ['redis://127.0.0.1:6379/0', 'rediss://user:pw@redis.example.internal:6380', 'redis://redis']) {
    expect(readAggregatorConfig({ ...base, REDIS_URL: url }).redisUrl).toBe(url);
  }
});

test('invalid time zone is reported with the other variables', () => {
  expect(() =>
    readAggregatorConfig({
      ...base,
      REDIS_URL: 'redis://redis:6379/0',
      RISK_TIME_ZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
    }),
  ).toThrow(/LOG_LEVEL: invalid value "loud"[\s\S]*RISK_TIME_ZONE:/);
});
