import type { CloseState, WindowGroup } from '@riskstream/core';
import type { Redis } from '@riskstream/runtime';

// Counts events into one window. Each identity is added to the window's set first, so an event
// delivered twice (a redelivery after a crash, or the same record sent twice) is counted once.
// SMISMEMBER and SADD take the identities in slices of 1000, below Lua's limit on unpack. Each
// group key is sent once and events name it by index; counts are summed per group in Lua and
// written once per group.
// KEYS: seen set, count hash, min hash, max hash.
// ARGV: n, the n identities, then n pairs of group index and micros, then the group keys.
// The caller removes duplicate identities within one call.
const addEventsScript = `
local n = tonumber(ARGV[1])
local counted = {}
for first = 1, n, 1000 do
  local last = math.min(first + 999, n)
  local ids = {}
  for i = first, last do ids[#ids + 1] = ARGV[1 + i] end
  local present = redis.call('SMISMEMBER', KEYS[1], unpack(ids))
  redis.call('SADD', KEYS[1], unpack(ids))
  for i = first, last do
    if present[i - first + 1] == 0 then
      local group, micros = tonumber(ARGV[n + 2 * i]), tonumber(ARGV[n + 2 * i + 1])
      local entry = counted[group]
      if entry then
        entry[1] = entry[1] + 1
        if micros < entry[2] then entry[2] = micros end
        if micros > entry[3] then entry[3] = micros end
      else
        counted[group] = {1, micros, micros}
      end
    end
  end
end
local total = 0
for index, entry in pairs(counted) do
  local group = ARGV[3 * n + 1 + index]
  total = total + entry[1]
  redis.call('HINCRBY', KEYS[2], group, entry[1])
  local min = tonumber(redis.call('HGET', KEYS[3], group))
  if not min or entry[2] < min then redis.call('HSET', KEYS[3], group, string.format('%d', entry[2])) end
  local max = tonumber(redis.call('HGET', KEYS[4], group))
  if not max or entry[3] > max then redis.call('HSET', KEYS[4], group, string.format('%d', entry[3])) end
end
return {total, n - total}
`;

/** One event to count: its dedup identity, its group's key and its time in epoch microseconds. */
export interface StoredEvent {
  identity: string;
  group: string;
  timeMicros: number;
}

type AddEvents = (
  seen: string,
  count: string,
  min: string,
  max: string,
  ...args: string[]
) => Promise<[number, number]>;

/**
 * Window state of one detection in Redis. A window's keys share the hash tag
 * `{prefix:p<partition>:w<start>}` and a partition's keys `{prefix:p<partition>}`, so Redis Cluster
 * keeps each set on one slot, as the Lua script requires.
 */
export class WindowStore {
  private readonly addEvents: AddEvents;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('riskstreamAddEvents', { numberOfKeys: 4, lua: addEventsScript });
    this.addEvents = (redis as unknown as { riskstreamAddEvents: AddEvents }).riskstreamAddEvents.bind(redis);
  }

  /** Counts the events into the window; returns how many were counted and how many were duplicates. */
  async add(
    partition: number,
    windowStart: number,
    events: StoredEvent[],
  ): Promise<{ counted: number; duplicates: number }> {
    const keys = this.windowKeys(partition, windowStart);
    const unique = new Map(events.map((event) => [event.identity, event]));
    const groupIndex = new Map<string, number>();
    const args = [String(unique.size), ...unique.keys()];
    for (const event of unique.values()) {
      let index = groupIndex.get(event.group);
      if (index === undefined) {
        index = groupIndex.size + 1;
        groupIndex.set(event.group, index);
      }
      args.push(String(index), String(event.timeMicros));
    }
    args.push(...groupIndex.keys());
    const [counted, duplicates] = await this.addEvents(keys.seen, keys.count, keys.min, keys.max, ...args);
    await this.redis.zadd(this.partitionKey(partition, 'open'), windowStart, String(windowStart));
    return { counted, duplicates: duplicates + events.length - unique.size };
  }

  /** Returns the open windows' starts of a partition, oldest first. */
  async openWindows(partition: number): Promise<number[]> {
    const members = await this.redis.zrange(this.partitionKey(partition, 'open'), 0, -1);
    return members.map(Number);
  }

  /** Reads a window's groups, ordered by group key. */
  async groups(partition: number, windowStart: number): Promise<WindowGroup[]> {
    const keys = this.windowKeys(partition, windowStart);
    const [counts, mins, maxes] = await Promise.all([
      this.redis.hgetall(keys.count),
      this.redis.hgetall(keys.min),
      this.redis.hgetall(keys.max),
    ]);
    return Object.keys(counts)
      .sort()
      .map((group) => ({
        values: JSON.parse(group) as string[],
        count: Number(counts[group]),
        minMicros: Number(mins[group]),
        maxMicros: Number(maxes[group]),
      }));
  }

  async groupCount(partition: number, windowStart: number): Promise<number> {
    return this.redis.hlen(this.windowKeys(partition, windowStart).count);
  }

  /** Marks a published window closed: the horizon moves, the window leaves the open set, its keys expire. */
  async markClosed(partition: number, windowStart: number, horizon: number, ttlSeconds: number): Promise<void> {
    const keys = this.windowKeys(partition, windowStart);
    await this.redis.hset(this.partitionKey(partition, 'state'), 'horizon', String(horizon));
    await this.redis.zrem(this.partitionKey(partition, 'open'), String(windowStart));
    const pipeline = this.redis.pipeline();
    for (const key of Object.values(keys)) pipeline.expire(key, ttlSeconds);
    await pipeline.exec();
  }

  /** Loads a partition's watermark and horizon; a partition never seen starts empty. */
  async loadState(partition: number): Promise<Pick<CloseState, 'watermarkMicros' | 'horizon'>> {
    const stored = await this.redis.hgetall(this.partitionKey(partition, 'state'));
    return {
      watermarkMicros: stored.watermarkMicros === undefined ? -Infinity : Number(stored.watermarkMicros),
      horizon: stored.horizon === undefined ? -Infinity : Number(stored.horizon),
    };
  }

  async saveHorizon(partition: number, horizon: number): Promise<void> {
    await this.redis.hset(this.partitionKey(partition, 'state'), 'horizon', String(horizon));
  }

  async saveWatermark(partition: number, watermarkMicros: number): Promise<void> {
    await this.redis.hset(this.partitionKey(partition, 'state'), 'watermarkMicros', String(watermarkMicros));
  }

  private windowKeys(partition: number, windowStart: number) {
    const tag = `{${this.prefix}:p${partition}:w${windowStart}}`;
    return { seen: `${tag}:seen`, count: `${tag}:count`, min: `${tag}:min`, max: `${tag}:max` };
  }

  private partitionKey(partition: number, name: 'state' | 'open'): string {
    return `{${this.prefix}:p${partition}}:${name}`;
  }
}
