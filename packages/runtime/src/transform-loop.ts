import type { Consumer, IHeaders, KafkaMessage, Message, Producer } from 'kafkajs';
import type { Logger } from './logger';

/** A record to produce; the loop sends every record of a chunk before it commits the chunk. */
export interface OutputRecord {
  topic: string;
  /** Set to choose the partition; otherwise the key's hash picks it. */
  partition?: number;
  key: Buffer | string | null;
  value: Buffer;
  headers?: IHeaders;
}

export interface SourcePosition {
  topic: string;
  partition: number;
}

export type TransformChunk = (messages: KafkaMessage[], source: SourcePosition) => OutputRecord[];

export interface TransformLoopOptions {
  consumer: Consumer;
  producer: Producer;
  transform: TransformChunk;
  logger: Logger;
  /** Messages transformed, sent and committed together; bounds memory and time between heartbeats. */
  chunkSize: number;
  /** Called after each chunk is committed, e.g. to update lag and batch-size metrics. */
  onChunkCommitted?: (info: { source: SourcePosition; messages: number; records: number; offsetLag: string }) => void;
}

/**
 * Runs consume → transform → produce with at-least-once delivery: a chunk's input offsets are
 * committed only after the broker acknowledged every record the chunk produced (acks=all). A
 * crash between the two re-sends the chunk's records after restart, so outputs may repeat.
 */
export async function runTransformLoop(options: TransformLoopOptions): Promise<void> {
  const { consumer, producer, transform, chunkSize } = options;
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const { batch } = payload;
      const source = { topic: batch.topic, partition: batch.partition };
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        if (!payload.isRunning() || payload.isStale()) return;
        const chunk = batch.messages.slice(start, start + chunkSize);
        const records = transform(chunk, source);
        await sendAll(producer, records);
        const last = chunk[chunk.length - 1] as KafkaMessage;
        const nextOffset = (BigInt(last.offset) + 1n).toString();
        await consumer.commitOffsets([{ ...source, offset: nextOffset }]);
        payload.resolveOffset(last.offset);
        options.onChunkCommitted?.({
          source,
          messages: chunk.length,
          records: records.length,
          offsetLag: lagAfter(batch.highWatermark, nextOffset),
        });
        await payload.heartbeat();
      }
    },
  });
}

/** Sends records grouped by topic in one request per broker and waits for acks=all. */
export async function sendAll(producer: Producer, records: OutputRecord[]): Promise<void> {
  if (records.length === 0) return;
  const byTopic = new Map<string, Message[]>();
  for (const record of records) {
    const messages = byTopic.get(record.topic) ?? [];
    messages.push({ key: record.key, value: record.value, headers: record.headers, partition: record.partition });
    byTopic.set(record.topic, messages);
  }
  const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
  await producer.sendBatch({ topicMessages, acks: -1 });
}

function lagAfter(highWatermark: string, nextOffset: string): string {
  const lag = BigInt(highWatermark) - BigInt(nextOffset);
  return (lag > 0n ? lag : 0n).toString();
}
