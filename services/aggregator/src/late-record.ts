import type { KafkaMessage, OutputRecord, SourcePosition } from '@riskstream/runtime';

/** Header names on late records; the window is in epoch seconds. */
export const lateHeaders = {
  windowStart: 'riskstream-window-start',
  windowEnd: 'riskstream-window-end',
  topic: 'riskstream-source-topic',
  partition: 'riskstream-source-partition',
  offset: 'riskstream-source-offset',
} as const;

/** Builds the record for an event whose window had already closed: the original bytes and the window it missed. */
export function lateRecord(
  message: KafkaMessage,
  source: SourcePosition,
  window: { windowStart: number; windowEnd: number },
  topic: string,
): OutputRecord {
  return {
    topic,
    key: message.key,
    value: message.value ?? Buffer.alloc(0),
    headers: {
      ...message.headers,
      [lateHeaders.windowStart]: String(window.windowStart),
      [lateHeaders.windowEnd]: String(window.windowEnd),
      [lateHeaders.topic]: source.topic,
      [lateHeaders.partition]: String(source.partition),
      [lateHeaders.offset]: message.offset,
    },
  };
}
