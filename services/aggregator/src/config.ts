import type { WindowSettings } from '@riskstream/core';
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
    closedStateTtlSeconds: env.integer('CLOSED_STATE_TTL_SECONDS', 3600, { min: 1, max: 30 * 86_400 }),
    riskEventFormat: env.oneOf('RISK_EVENT_FORMAT', ['json', 'avro'] as const, 'json'),
    timeZone: env.string('RISK_TIME_ZONE', 'UTC'),
  };
  env.done();
  return config;
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
