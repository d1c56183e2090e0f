import type { Redis } from 'ioredis';
import { createLogger, createRedis } from '@riskstream/runtime';
import { requireTestEnv, ScratchRedis, uniqueName } from '@riskstream/testing';

const logger = createLogger({ service: 'redis-client-test', level: 'silent' });

// Adds to a counter and raises a max field in one step, the shape of the aggregator's updates.
const addAndRaiseMax = `
local count = redis.call('HINCRBY', KEYS[1], 'count', ARGV[1])
local max = tonumber(redis.call('HGET', KEYS[1], 'max') or '-1')
if tonumber(ARGV[2]) > max then redis.call('HSET', KEYS[1], 'max', ARGV[2]) end
return {count, redis.call('HGET', KEYS[1], 'max')}
`;

describe('shared Redis', () => {
  let redis: Redis;

  beforeAll(() => {
    redis = createRedis({ url: requireTestEnv('REDIS_URL'), logger });
  });

  afterAll(async () => {
    await redis.quit();
  });

  test('ping answers PONG', async () => {
    await expect(redis.ping()).resolves.toBe('PONG');
  });

  test('Lua script updates a hash atomically', async () => {
    const key = uniqueName('test:group');

    const first = await redis.eval(addAndRaiseMax, 1, key, 2, 150);
    const second = await redis.eval(addAndRaiseMax, 1, key, 3, 120);

    expect(first).toEqual([2, '150']);
    expect(second).toEqual([5, '150']);
    await redis.del(key);
  });
});

describe('Redis restart', () => {
  let server: ScratchRedis;
  let redis: Redis;

  beforeAll(async () => {
    server = await ScratchRedis.create();
    await server.start();
    redis = createRedis({ url: server.url, logger });
  });

  afterAll(async () => {
    redis.disconnect();
    await server.destroy();
  });

  test('data survives SIGKILL through the AOF', async () => {
    await redis.eval(addAndRaiseMax, 1, 'window:{w1}:group', 4, 99);
    await redis.set('window:{w1}:marker', 'kept');

    await server.stop('SIGKILL');
    await server.start();

    expect(await redis.hgetall('window:{w1}:group')).toEqual({ count: '4', max: '99' });
    expect(await redis.get('window:{w1}:marker')).toBe('kept');
  });
});
