import {
  advance,
  buildRiskEvents,
  closeHorizon,
  closesAt,
  isLate,
  type CloseState,
  type CompiledDetection,
  type RiskEvent,
  type SchemaRegistry,
  type TimeWindow,
  type WindowSettings,
  type WindowsEvent,
} from '@riskstream/core';
import {
  createProducer,
  deadLetterRecord,
  prepareTopics,
  sendAll,
  trackConsumerHealth,
  type Consumer,
  type HealthState,
  type Kafka,
  type KafkaMessage,
  type Logger,
  type OutputRecord,
  type Producer,
  type Redis,
} from '@riskstream/runtime';
import type { AggregatorConfig } from './config';
import { lateRecord } from './late-record';
import type { AggregatorMetrics } from './metrics';
import { PartitionLocks } from './partition-lock';
import { prepareChunk } from './prepare-chunk';
import { WindowStore } from './window-store';

export interface AggregatorDependencies {
  kafka: Kafka;
  redis: Redis;
  logger: Logger;
  metrics: AggregatorMetrics;
  health: HealthState;
  registry: SchemaRegistry<WindowsEvent>;
  detection: CompiledDetection;
  settings: WindowSettings;
  encodeRiskEvent: (event: RiskEvent) => Buffer;
  /** The clock, in epoch milliseconds; tests replace it. */
  now?: () => number;
}

/**
 * Counts matches into tumbling windows in Redis and publishes each closed window's groups as risk
 * events. Work on one partition is serialized, and offsets are committed after Redis has the counts.
 */
export class Aggregator {
  private readonly store: WindowStore;
  private readonly locks = new PartitionLocks();
  private readonly states = new Map<number, CloseState>();
  private readonly now: () => number;
  private consumer: Consumer | undefined;
  private producer: Producer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly config: AggregatorConfig,
    private readonly deps: AggregatorDependencies,
  ) {
    this.store = new WindowStore(deps.redis, config.keyPrefix);
    this.now = deps.now ?? Date.now;
  }

  async start(): Promise<void> {
    const { kafka, logger } = this.deps;
    await this.createTopics();
    this.producer = createProducer(kafka);
    await this.producer.connect();
    const consumer = kafka.consumer({ groupId: this.config.groupId });
    this.consumer = consumer;
    trackConsumerHealth(consumer, this.deps.health, logger);
    consumer.on(consumer.events.GROUP_JOIN, (event) =>
      this.assign(event.payload.memberAssignment[this.config.matchesTopic] ?? []),
    );
    await consumer.connect();
    await consumer.subscribe({ topic: this.config.matchesTopic, fromBeginning: true });
    await this.runConsumer(consumer);
    this.timer = setInterval(() => void this.closeAllDue(), this.config.closeIntervalMs);
    logger.info(
      { matchesTopic: this.config.matchesTopic, groupId: this.config.groupId, settings: this.deps.settings },
      'aggregator started',
    );
  }

  /** Counts each chunk into Redis under the partition's lock, then commits its offsets; closes due windows after each batch. */
  private async runConsumer(consumer: Consumer): Promise<void> {
    await consumer.run({
      // Partitions are independent and serialized by their lock, so several run at once and
      // one partition's Redis round trips overlap another's decoding.
      partitionsConsumedConcurrently: 3,
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        for (let start = 0; start < batch.messages.length; start += this.config.chunkSize) {
          if (!payload.isRunning() || payload.isStale()) return;
          const chunk = batch.messages.slice(start, start + this.config.chunkSize);
          await this.locks.run(batch.partition, () => this.processChunk(batch.partition, chunk));
          const last = chunk[chunk.length - 1] as KafkaMessage;
          const offset = (BigInt(last.offset) + 1n).toString();
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset }]);
          payload.resolveOffset(last.offset);
          const lag = BigInt(batch.highWatermark) - BigInt(offset);
          this.deps.metrics.consumerLag.set(
            { topic: batch.topic, partition: String(batch.partition) },
            Number(lag > 0n ? lag : 0n),
          );
          await payload.heartbeat();
        }
        await this.locks.run(batch.partition, () => this.closeDue(batch.partition));
      },
    });
  }

  /** Stops fetching and closing, lets running work finish, then disconnects from Kafka. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.consumer?.stop();
    await Promise.all([...this.states.keys()].map((partition) => this.locks.run(partition, () => Promise.resolve())));
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.deps.logger.info({ groupId: this.config.groupId }, 'aggregator stopped');
  }

  private async createTopics(): Promise<void> {
    const { matchesTopic, riskEventsTopic, lateTopic, deadLetterTopic, topicPartitions } = this.config;
    const topics = [matchesTopic, riskEventsTopic, lateTopic, deadLetterTopic].map((topic) => ({
      topic,
      partitions: topicPartitions,
    }));
    await prepareTopics(this.deps.kafka, topics, this.deps.logger);
  }

  /** Keeps state only for the partitions this instance owns; a partition that comes back reloads it. */
  private assign(partitions: number[]): void {
    const owned = new Set(partitions);
    for (const partition of [...this.states.keys()]) if (!owned.has(partition)) this.states.delete(partition);
    for (const partition of partitions)
      if (!this.states.has(partition)) void this.locks.run(partition, () => this.loadState(partition));
    this.deps.logger.info({ partitions }, 'partitions assigned');
  }

  private async loadState(partition: number): Promise<CloseState> {
    const existing = this.states.get(partition);
    if (existing) return existing;
    const stored = await this.store.loadState(partition);
    // The idle clock starts at assignment, so a restarted instance waits one idle timeout first.
    const state = { ...stored, lastEventWallMs: this.now() };
    this.states.set(partition, state);
    return state;
  }

  private async processChunk(partition: number, messages: KafkaMessage[]): Promise<void> {
    const { metrics, detection } = this.deps;
    const state = await this.loadState(partition);
    metrics.eventsIn.inc(messages.length);
    const prepared = prepareChunk(messages, {
      registry: this.deps.registry,
      byFields: detection.detection.byFields,
      groupValuesOf: (event) => detection.groupValues(event),
      settings: this.deps.settings,
      horizon: state.horizon,
    });
    for (const [windowStart, events] of prepared.byWindow) {
      const { counted, duplicates } = await this.store.add(partition, windowStart, events);
      metrics.counted.inc(counted);
      metrics.duplicates.inc(duplicates);
    }
    if (prepared.maxTimeMicros > -Infinity) {
      const next = advance(state, prepared.maxTimeMicros, this.now());
      this.states.set(partition, next);
      await this.store.saveWatermark(partition, next.watermarkMicros);
    }
    for (const field of prepared.droppedFields) metrics.droppedMissingField.inc({ field });
    await sendAll(this.requireProducer(), this.sideRecords(partition, prepared));
    metrics.late.inc(prepared.late.length);
  }

  private sideRecords(partition: number, prepared: ReturnType<typeof prepareChunk>): OutputRecord[] {
    const source = { topic: this.config.matchesTopic, partition };
    const late = prepared.late.map((item) => lateRecord(item.message, source, item, this.config.lateTopic));
    const failure = { topic: this.config.deadLetterTopic, service: 'aggregator' };
    const dead = prepared.undecodable.map(({ message, error }) => {
      this.deps.metrics.decodeErrors.inc({ reason: error.code });
      return deadLetterRecord(message, source, { ...failure, code: error.code, reason: error.message });
    });
    return [...late, ...dead];
  }

  private async closeAllDue(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    try {
      let windows = 0;
      let groups = 0;
      for (const partition of [...this.states.keys()]) {
        const open = await this.locks.run(partition, () => this.closeDue(partition));
        windows += open.length;
        for (const start of open) groups += await this.store.groupCount(partition, start);
      }
      this.deps.metrics.openWindows.set(windows);
      this.deps.metrics.openGroups.set(groups);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'closing windows failed; retrying at the next interval');
    } finally {
      this.closing = false;
    }
  }

  /** Publishes and closes the partition's windows that the close policy marks as due. Returns the starts still open. */
  private async closeDue(partition: number): Promise<number[]> {
    const state = this.states.get(partition);
    if (!state) return [];
    const { settings } = this.deps;
    const starts = await this.store.openWindows(partition);
    const windows: TimeWindow[] = starts.map((start) => ({ start, end: start + settings.size }));
    let horizon = closeHorizon(state, this.now(), this.config.idleTimeoutMs, windows, settings);
    // With FLUSH_ON_IDLE, input that has gone quiet counts as finished, as the end of a file does
    // for scan, so every open window closes even when the wall clock has not passed it.
    if (this.config.flushOnIdle && this.now() - state.lastEventWallMs >= this.config.idleTimeoutMs) {
      for (const window of windows) horizon = Math.max(horizon, closesAt(window, settings));
    }
    const stillOpen: number[] = [];
    for (const window of windows) {
      if (isLate(window, horizon, settings)) await this.publishWindow(partition, window);
      else stillOpen.push(window.start);
    }
    if (horizon > state.horizon) {
      this.states.set(partition, { ...state, horizon });
      await this.store.saveHorizon(partition, horizon);
    }
    return stillOpen;
  }

  private async publishWindow(partition: number, window: TimeWindow): Promise<void> {
    const { detection, metrics, settings } = this.deps;
    const groups = await this.store.groups(partition, window.start);
    const riskEvents = buildRiskEvents(detection.detection, { window, groups }, { timeZone: this.config.timeZone });
    const records = riskEvents.map((event) => ({
      topic: this.config.riskEventsTopic,
      key: event.risk_object,
      value: this.deps.encodeRiskEvent(event),
    }));
    await sendAll(this.requireProducer(), records);
    const closeTime = closesAt(window, settings);
    await this.store.markClosed(partition, window.start, closeTime, this.config.closedStateTtlSeconds);
    metrics.riskEventsPublished.inc(records.length);
    metrics.windowCloseLagSeconds.observe(Math.max(0, this.now() / 1000 - closeTime));
    this.deps.logger.info({ partition, windowStart: window.start, riskEvents: records.length }, 'window closed');
  }

  private requireProducer(): Producer {
    if (!this.producer) throw new Error('aggregator producer is not connected: call start() first');
    return this.producer;
  }
}
