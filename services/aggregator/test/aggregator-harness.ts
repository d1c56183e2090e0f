import { createWindowsEventCodec, normalizeEventXml, type RiskEvent, type WindowsEvent } from '@riskstream/core';
import {
  createKafka,
  createLogger,
  createMetricsRegistry,
  createProducer,
  createRedis,
  HealthState,
  loadSchema,
  type Kafka,
  type KafkaMessage,
  type Producer,
  type Redis,
} from '@riskstream/runtime';
import { requireTestEnv, uniqueName } from '@riskstream/testing';
import type { Aggregator } from '../src/aggregator-service';
import { createAggregator } from '../src/aggregator-factory';
import { readAggregatorConfig, type AggregatorConfig } from '../src/config';
import { createAggregatorMetrics, type AggregatorMetrics } from '../src/metrics';

export const logger = createLogger({ service: 'aggregator-test', level: 'fatal' });
export const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));

/** Kafka, Redis and a producer shared by the tests of one file. */
export class AggregatorHarness {
  kafka!: Kafka;
  redis!: Redis;
  producer!: Producer;
  private readonly running: Aggregator[] = [];

  async setUp(): Promise<void> {
    this.kafka = createKafka({
      clientId: 'aggregator-test',
      brokers: requireTestEnv('KAFKA_BROKERS').split(','),
      logger,
    });
    this.redis = createRedis({ url: requireTestEnv('REDIS_URL'), logger });
    this.producer = createProducer(this.kafka);
    await this.producer.connect();
  }

  async tearDown(): Promise<void> {
    for (const aggregator of this.running.splice(0)) await aggregator.stop();
    await this.producer.disconnect();
    await this.redis.quit();
  }

  /** Environment for one test: its own topics, consumer group and Redis key prefix. */
  environment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      KAFKA_BROKERS: requireTestEnv('KAFKA_BROKERS'),
      REDIS_URL: requireTestEnv('REDIS_URL'),
      MATCHES_TOPIC: uniqueName('test-matches'),
      RISK_EVENTS_TOPIC: uniqueName('test-risk-events'),
      LATE_TOPIC: uniqueName('test-late'),
      AGGREGATOR_GROUP_ID: uniqueName('test-aggregator'),
      REDIS_KEY_PREFIX: uniqueName('test-aggregator'),
      TOPIC_PARTITIONS: '3',
      CLOSE_INTERVAL_MS: '200',
      ...extra,
    };
  }

  async start(
    config: AggregatorConfig,
    now?: () => number,
  ): Promise<{ aggregator: Aggregator; metrics: AggregatorMetrics }> {
    const metrics = createAggregatorMetrics(createMetricsRegistry('aggregator-test'));
    const { aggregator } = createAggregator(config, {
      logger,
      metrics,
      health: new HealthState(),
      redis: this.redis,
      now,
    });
    await aggregator.start();
    this.running.push(aggregator);
    return { aggregator, metrics };
  }

  async stop(aggregator: Aggregator): Promise<void> {
    this.running.splice(this.running.indexOf(aggregator), 1);
    await aggregator.stop();
  }

  /** Produces events to the matches topic keyed like the detector does, in the given order. */
  async sendMatches(topic: string, events: WindowsEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += 1000) {
      const messages = events
        .slice(start, start + 1000)
        .map((event) => ({ key: event.computer, value: codec.encoder.encode(event) }));
      await this.producer.send({ topic, acks: -1, messages });
    }
  }
}

export function parseEvent(xml: string): WindowsEvent {
  return normalizeEventXml(xml, { maxBytes: 1 << 20 })[0] as WindowsEvent;
}

export function riskEvents(messages: KafkaMessage[]): RiskEvent[] {
  return messages.map((message) => JSON.parse(message.value?.toString() ?? '') as RiskEvent);
}

export function readConfig(environment: NodeJS.ProcessEnv): AggregatorConfig {
  return readAggregatorConfig(environment);
}
