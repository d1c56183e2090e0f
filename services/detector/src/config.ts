import { readFileSync } from 'node:fs';
import { defaultDetectionFile, EnvReader, readCommonConfig, type CommonConfig } from '@riskstream/runtime';

export interface DetectorConfig extends CommonConfig {
  eventsTopic: string;
  matchesTopic: string;
  deadLetterTopic: string;
  groupId: string;
  topicPartitions: number;
  chunkSize: number;
  detectionFile: string;
  /** Known-false-positive exclusions, each an SPL expression over the by-fields. */
  exclusions: string[];
  /** Overrides the detection's input channels (its `sysmon` macro) when set. */
  channels: string[] | undefined;
}

/** Reads the detector's settings from the environment; throws one error listing every bad variable. */
export function readDetectorConfig(environment: NodeJS.ProcessEnv): DetectorConfig {
  const env = new EnvReader(environment);
  const eventsTopic = env.string('EVENTS_TOPIC', 'sysmon-events');
  const config: DetectorConfig = {
    ...readCommonConfig(env, 'detector', 9465),
    eventsTopic,
    matchesTopic: env.string('MATCHES_TOPIC', 'wmi-impersonate-token.matches'),
    deadLetterTopic: env.string('EVENTS_DLQ_TOPIC', `${eventsTopic}.dlq`),
    groupId: env.string('DETECTOR_GROUP_ID', 'riskstream-detector'),
    topicPartitions: env.integer('TOPIC_PARTITIONS', 6, { min: 1, max: 10_000 }),
    chunkSize: env.integer('CHUNK_SIZE', 500, { min: 1, max: 100_000 }),
    detectionFile: env.string('DETECTION_FILE', defaultDetectionFile),
    exclusions: readExclusions(env),
    channels: env.raw('SYSMON_CHANNELS') === undefined ? undefined : env.list('SYSMON_CHANNELS', []),
  };
  if (config.channels?.length === 0) {
    env.fail(
      'SYSMON_CHANNELS',
      'invalid value: expected at least one channel name, or unset it to use the detection file',
    );
  }
  env.done();
  return config;
}

/**
 * Reads exclusions from EXCLUSIONS, a JSON array of strings, and from EXCLUSIONS_PATH, a file
 * with one expression per line. Blank lines and lines starting with # are skipped.
 */
function readExclusions(env: EnvReader): string[] {
  const exclusions: string[] = [];
  const inline = env.raw('EXCLUSIONS');
  if (inline !== undefined) {
    try {
      const parsed: unknown = JSON.parse(inline);
      if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string'))
        throw new Error('not an array of strings');
      exclusions.push(...parsed);
    } catch (error) {
      env.fail('EXCLUSIONS', `invalid value: expected a JSON array of SPL expressions (${(error as Error).message})`);
    }
  }
  const file = env.raw('EXCLUSIONS_PATH');
  if (file !== undefined) {
    try {
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      exclusions.push(...lines.map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')));
    } catch (error) {
      env.fail('EXCLUSIONS_PATH', `cannot read ${file}: ${(error as Error).message}`);
    }
  }
  return exclusions;
}
