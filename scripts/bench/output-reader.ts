import type { RiskEvent, SchemaRegistry, WindowsEvent } from '@riskstream/core';
import type { Consumer, Kafka, KafkaMessage } from '@riskstream/runtime';

export interface LatencySample {
  /** Epoch ms at which the raw event was handed to the producer. */
  sentMs: number;
  latencyMs: number;
}

export interface WindowClose {
  /** Window end plus grace, in epoch ms. */
  closeTimeMs: number;
  /** Earliest CreateTime of the close's risk events minus `closeTimeMs`. */
  lagMs: number;
}

export interface OutputTopics {
  matches: string;
  riskEvents: string;
}

/**
 * Reads the matches and risk-events topics of a run. A match's latency runs from the raw send
 * time to the match record's CreateTime, which the detector's producer sets when it sends, so the
 * time this reader takes to fetch the record does not count.
 */
export class OutputReader {
  readonly latencies: LatencySample[] = [];
  /** Window closes by `partition|window_start`. */
  readonly windowCloses = new Map<string, WindowClose>();
  matchesRead = 0;
  riskEventsRead = 0;
  /** Matches whose raw send time was not recorded, which would point to a bug in this benchmark. */
  unknownMatches = 0;
  private consumer: Consumer | undefined;

  constructor(
    private readonly topics: OutputTopics,
    private readonly registry: SchemaRegistry<WindowsEvent>,
    /** Send time per `computer|EventRecordID` of every raw event that matches. Entries are removed once read. */
    private readonly sendTimes: Map<string, number>,
  ) {}

  async start(kafka: Kafka, groupId: string): Promise<void> {
    const consumer = kafka.consumer({ groupId });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topics.matches, this.topics.riskEvents], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          if (batch.topic === this.topics.matches) this.readMatch(message);
          else this.readRiskEvent(message, batch.partition);
        }
        await Promise.resolve();
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private readMatch(message: KafkaMessage): void {
    this.matchesRead += 1;
    const event = this.registry.decode(message.value ?? Buffer.alloc(0));
    const key = `${event.computer ?? ''}|${event.eventRecordId ?? ''}`;
    const sentMs = this.sendTimes.get(key);
    if (sentMs === undefined) {
      this.unknownMatches += 1;
      return;
    }
    this.sendTimes.delete(key);
    this.latencies.push({ sentMs, latencyMs: Number(message.timestamp) - sentMs });
  }

  /**
   * Risk events are keyed by dest, which also chose the match's partition, so partition and window
   * start name one window close of one aggregator partition.
   */
  private readRiskEvent(message: KafkaMessage, partition: number): void {
    this.riskEventsRead += 1;
    const event = JSON.parse(message.value?.toString() ?? '{}') as Pick<RiskEvent, 'window_start' | '_time'>;
    const closeTimeMs = event._time * 1000;
    const lagMs = Number(message.timestamp) - closeTimeMs;
    const key = `${partition}|${event.window_start}`;
    const known = this.windowCloses.get(key);
    if (known === undefined || lagMs < known.lagMs) this.windowCloses.set(key, { closeTimeMs, lagMs });
  }
}
