import type { OutputRecord } from './transform-loop';

/** Raised for an output record larger than MAX_RECORD_BYTES, which the broker would reject. */
export class RecordTooLargeError extends Error {
  readonly code = 'record-too-large';

  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
    what: string,
  ) {
    super(
      `${what} would be ${bytes} bytes, above MAX_RECORD_BYTES=${maxBytes}; ` +
        "raise it together with the topic's max.message.bytes, or drop the event at the source.",
    );
    this.name = 'RecordTooLargeError';
  }
}

/** Returns the bytes a record takes in a produce request, close enough to compare with the broker's limit. */
export function recordBytes(record: Pick<OutputRecord, 'key' | 'value' | 'headers'>): number {
  const size = (data: Buffer | string | null | undefined) =>
    data === null || data === undefined ? 0 : typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  let bytes = size(record.key) + size(record.value) + 64;
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    bytes +=
      Buffer.byteLength(name) + (Array.isArray(value) ? value.reduce((sum, item) => sum + size(item), 0) : size(value));
  }
  return bytes;
}
