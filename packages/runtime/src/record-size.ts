import type { OutputRecord } from './transform-loop';

/** Raised for an output record larger than MAX_RECORD_BYTES, which the broker would reject. */
export class RecordTooLargeError extends Error {
  readonly code = 'record-too-large';

  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
    subject: string,
  ) {
    super(
      `${subject} would be ${bytes} bytes, above MAX_RECORD_BYTES=${maxBytes}; ` +
        "raise it together with the topic's max.message.bytes, or drop the event at the source.",
    );
    this.name = 'RecordTooLargeError';
  }
}

/** Returns the bytes a record takes in a produce request, close enough to compare with the broker's limit. */
export function recordBytes(record: Pick<OutputRecord, 'key' | 'value' | 'headers'>): number {
  // 64 bytes approximates the per-record overhead of Kafka's record batch format.
  let bytes = byteLength(record.key) + byteLength(record.value) + 64;
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    bytes += Buffer.byteLength(name);
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) bytes += byteLength(item);
  }
  return bytes;
}

function byteLength(data: Buffer | string | null | undefined): number {
  if (data === null || data === undefined) return 0;
  if (typeof data === 'string') return Buffer.byteLength(data);
  return data.length;
}
