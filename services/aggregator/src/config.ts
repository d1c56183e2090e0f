import { validateTimeZone, type WindowSettings } from '@riskstream/core';
import { defaultDetectionFile, EnvReader, readCommonConfig, type CommonConfig } from '@riskstream/runtime';

export type RiskEventFormat = 'json' | 'avro';

export interface AggregatorConfig extends CommonConfig {
  matchesTopic: string;
  riskEventsTopic: string;
  lateTopic: string;
  deadLetterTopic: string;
  groupId: string;
  topicPartitions: number;
  chunkSize: number;
  redisUrl: string;
  /** Prefix of every Redis key; instances that share it share state. */
  keyPrefix: string;
  detectionFile: string;
  /** Overrides of the detection file's window settings, in seconds. */
  window: Partial<WindowSettings>;
  /** Quiet time after which windows whose close time the wall clock has passed are closed. */
  idleTimeoutMs: number;
  closeIntervalMs: number;
  /** Close every open window once the input has been idle, for replays of finite files. */
  flushOnIdle: boolean;
  /** How long a published window's Redis keys are kept, for inspection, before they expire. */
  closedStateTtlSeconds: number;
  riskEventFormat: RiskEventFormat;
  timeZone: string;
}

/** Reads the aggregator's settings from the environment; throws one error listing every bad variable. */
export function readAggregatorConfig(environment: NodeJS.ProcessEnv): AggregatorConfig {
  const env = new EnvReader(environment);
  const matchesTopic = env.string('MATCHES_TOPIC', 'wmi-impersonate-token.matches');
  const config: AggregatorConfig = {
    ...readCommonConfig(env, 'aggregator', 9466),
    matchesTopic,
    riskEventsTopic: env.string('RISK_EVENTS_TOPIC', 'risk-events'),
    lateTopic: env.string('LATE_TOPIC', 'wmi-impersonate-token.late'),
    deadLetterTopic: env.string('MATCHES_DLQ_TOPIC', `${matchesTopic}.dlq`),
    groupId: env.string('AGGREGATOR_GROUP_ID', 'riskstream-aggregator'),
    topicPartitions: env.integer('TOPIC_PARTITIONS', 6, { min: 1, max: 10_000 }),
    chunkSize: env.integer('CHUNK_SIZE', 1000, { min: 1, max: 100_000 }),
    redisUrl: env.requiredString('REDIS_URL', 'redis://host:6379/0'),
    keyPrefix: env.string('REDIS_KEY_PREFIX', 'riskstream:wmi-impersonate-token'),
    detectionFile: env.string('DETECTION_FILE', defaultDetectionFile),
    window: readWindowOverrides(env),
    idleTimeoutMs: env.integer('IDLE_TIMEOUT_MS', 30_000, { min: 100, max: 86_400_000 }),
    closeIntervalMs: env.integer('CLOSE_INTERVAL_MS', 1000, { min: 10, max: 600_000 }),
    flushOnIdle: env.boolean('FLUSH_ON_IDLE', false),
    closedStateTtlSeconds: env.integer('CLOSED_STATE_TTL_SECONDS', 3600, { min: 1, max: 30 * 86_400 }),
    riskEventFormat: env.oneOf('RISK_EVENT_FORMAT', ['json', 'avro'] as const, 'json'),
    timeZone: env.string('RISK_TIME_ZONE', 'UTC'),
  };
  checkRedisUrl(env, config.redisUrl);
  try {
    validateTimeZone(config.timeZone);
  } catch (error) {
    env.fail('RISK_TIME_ZONE', (error as Error).message);
  }
  const { size, offset } = config.window;
  if (size !== undefined && offset !== undefined && offset >= size) {
    env.fail('WINDOW_OFFSET_SECONDS', `invalid value ${offset}: expected less than WINDOW_SIZE_SECONDS (${size})`);
  }
  env.done();
  return config;
}

/** Rejects a Redis URL that ioredis would retry forever: a wrong scheme, no host or a bad database. */
function checkRedisUrl(env: EnvReader, value: string): void {
  if (value === '') return;
  const fix = 'expected redis://[user:password@]host:port/db or rediss://… for TLS';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    env.fail('REDIS_URL', `invalid URL: ${fix}`);
    return;
  }
  const database = url.pathname.replace(/^\//, '');
  if (!['redis:', 'rediss:'].includes(url.protocol)) env.fail('REDIS_URL', `invalid scheme ${url.protocol}: ${fix}`);
  else if (url.hostname === '') env.fail('REDIS_URL', `missing host: ${fix}`);
  else if (database !== '' && !/^(\d|1[0-5])$/.test(database)) {
    env.fail(
      'REDIS_URL',
      `invalid database ${JSON.stringify(database)}: expected 0 to 15, the databases a default Redis has`,
    );
  }
}

function readWindowOverrides(env: EnvReader): Partial<WindowSettings> {
  const overrides: Partial<WindowSettings> = {};
  const day = 86_400;
  if (env.raw('WINDOW_SIZE_SECONDS') !== undefined)
    overrides.size = env.integer('WINDOW_SIZE_SECONDS', 3600, { min: 1, max: 7 * day });
  if (env.raw('WINDOW_OFFSET_SECONDS') !== undefined)
    overrides.offset = env.integer('WINDOW_OFFSET_SECONDS', 0, { min: 0, max: 7 * day });
  if (env.raw('GRACE_SECONDS') !== undefined)
    overrides.grace = env.integer('GRACE_SECONDS', 600, { min: 0, max: 7 * day });
  return overrides;
}
