/** Closed list of reasons an Avro schema or message is rejected. */
export type AvroCodecErrorCode =
  /** The schema JSON is not a valid Avro schema, or not the record that was expected. */
  | 'invalid-schema'
  /** A writer schema cannot be read into the reader schema under Avro's resolution rules. */
  | 'incompatible-schema'
  /** The message does not start with the single-object marker bytes C3 01, or is too short. */
  | 'not-single-object'
  /** The writer fingerprint in the header belongs to no registered schema. */
  | 'unknown-fingerprint'
  /** The body does not decode with the writer schema (truncated, trailing bytes or bad values). */
  | 'corrupt-record';

/** A rejected Avro schema or message. `fingerprint` is the writer's, as 16 hex digits, when known. */
export class AvroCodecError extends Error {
  override readonly name = 'AvroCodecError';

  constructor(
    readonly code: AvroCodecErrorCode,
    message: string,
    readonly fingerprint: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
