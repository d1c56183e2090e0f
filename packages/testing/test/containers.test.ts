import { defaultKafkaImage, defaultRedisImage, kafkaImage, portPublishingFor, redisImage } from '../src/containers';

test('kafkaImage reads RISKSTREAM_KAFKA_IMAGE', () => {
  expect(kafkaImage({ RISKSTREAM_KAFKA_IMAGE: 'localhost/riskstream-kafka:4.1.1' })).toBe(
    'localhost/riskstream-kafka:4.1.1',
  );
});

test('kafkaImage defaults when unset or empty', () => {
  expect(kafkaImage({})).toBe(defaultKafkaImage);
  expect(kafkaImage({ RISKSTREAM_KAFKA_IMAGE: ' ' })).toBe(defaultKafkaImage);
});

test('redisImage reads RISKSTREAM_REDIS_IMAGE', () => {
  expect(redisImage({ RISKSTREAM_REDIS_IMAGE: 'localhost/riskstream-redis:7' })).toBe('localhost/riskstream-redis:7');
});

test('redisImage defaults when unset or empty', () => {
  expect(redisImage({})).toBe(defaultRedisImage);
  expect(redisImage({ RISKSTREAM_REDIS_IMAGE: '' })).toBe(defaultRedisImage);
});

test.each(['localhost', '127.0.0.1', '127.0.1.1', '::1'])('local engine %s publishes on 127.0.0.1', (host) => {
  expect(portPublishingFor(host)).toEqual({ bindIp: '127.0.0.1', connectHost: '127.0.0.1' });
});

test.each(['docker', '10.0.0.5', 'build-host.example.internal'])('remote engine %s publishes on all', (host) => {
  expect(portPublishingFor(host)).toEqual({ bindIp: undefined, connectHost: host });
});
