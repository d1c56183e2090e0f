import type { KafkaMessage } from 'kafkajs';
import type { OutputRecord, SourcePosition } from './transform-loop';

/** Header names on dead-lettered records; consumers of a DLQ topic filter and alert on them. */
export const deadLetterHeaders = {
  code: 'riskstream-error-code',
  reason: 'riskstream-error-reason',
  topic: 'riskstream-source-topic',
  partition: 'riskstream-source-partition',
  offset: 'riskstream-source-offset',
  service: 'riskstream-service',
  /** Set when the original value was cut to fit the record limit: its full length in bytes. */
  originalBytes: 'riskstream-original-bytes',
} as const;

/**
 * Builds the dead-letter record for a message that could not be processed. It keeps the original
 * key, value and headers, and adds headers with the error code, a readable reason and the source
 * position, so the message can be inspected and replayed.
 */
export function deadLetterRecord(
  message: KafkaMessage,
  source: SourcePosition,
  failure: { topic: string; service: string; code: string; reason: string; maxBytes?: number },
): OutputRecord {
  const value = message.value ?? Buffer.alloc(0);
  // A dead letter must fit the broker's limit, or writing it fails the whole chunk, so an
  // oversized original is cut and its full length recorded.
  const room = (failure.maxBytes ?? Infinity) - 4096 - (message.key?.length ?? 0);
  const truncated = value.length > room;
  return {
    topic: failure.topic,
    key: message.key,
    value: truncated ? value.subarray(0, Math.max(0, room)) : value,
    headers: {
      ...(truncated ? { [deadLetterHeaders.originalBytes]: String(value.length) } : {}),
      ...message.headers,
      [deadLetterHeaders.code]: failure.code,
      [deadLetterHeaders.reason]: failure.reason.slice(0, 1000),
      [deadLetterHeaders.topic]: source.topic,
      [deadLetterHeaders.partition]: String(source.partition),
      [deadLetterHeaders.offset]: message.offset,
      [deadLetterHeaders.service]: failure.service,
    },
  };
}
