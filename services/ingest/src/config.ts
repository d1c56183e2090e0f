import { EnvReader, readCommonConfig, type CommonConfig } from '@riskstream/runtime';

export interface IngestConfig extends CommonConfig {
  rawTopic: string;
  eventsTopic: string;
  deadLetterTopic: string;
  groupId: string;
  /** Partitions for topics this service creates when they are missing. */
  topicPartitions: number;
  /** Messages larger than this many bytes go to the dead-letter topic. */
  maxMessageBytes: number;
  chunkSize: number;
}

/** Reads the ingest service's settings from the environment; throws one error listing every bad variable. */
export function readIngestConfig(environment: NodeJS.ProcessEnv): IngestConfig {
  const env = new EnvReader(environment);
  const rawTopic = env.string('RAW_TOPIC', 'sysmon-raw');
  const config: IngestConfig = {
    ...readCommonConfig(env, 'ingest', 9464),
    rawTopic,
    eventsTopic: env.string('EVENTS_TOPIC', 'sysmon-events'),
    deadLetterTopic: env.string('RAW_DLQ_TOPIC', `${rawTopic}.dlq`),
    groupId: env.string('INGEST_GROUP_ID', 'riskstream-ingest'),
    topicPartitions: env.integer('TOPIC_PARTITIONS', 6, { min: 1, max: 10_000 }),
    maxMessageBytes: env.integer('INGEST_MAX_MESSAGE_BYTES', 1_048_576, { min: 1024, max: 104_857_600 }),
    chunkSize: env.integer('CHUNK_SIZE', 500, { min: 1, max: 100_000 }),
  };
  env.done();
  return config;
}
