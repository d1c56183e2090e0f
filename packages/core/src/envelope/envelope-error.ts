/** Closed list of reasons a Kafka message yields no event XML. */
export type EnvelopeErrorCode =
  /** The bytes are not valid UTF-8. */
  | 'invalid-utf8'
  /** The message starts like a JSON object but does not parse. */
  | 'invalid-json'
  /** Neither XML nor a JSON envelope with XML in one of the known string fields. */
  | 'envelope-without-xml';

/** A message from which no event XML could be taken. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';

  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
