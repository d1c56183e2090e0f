/** Closed list of reasons an event XML message is rejected. */
export type EventXmlErrorCode =
  /** Not well-formed XML, invalid UTF-8, or an encoding other than UTF-8. */
  | 'malformed-xml'
  /** Well-formed, but an element other than Event (or an Events wrapper) where an event belongs. */
  | 'not-an-event'
  /** A DOCTYPE declaration, which could declare entities that neither parser expands. */
  | 'doctype-rejected'
  /** An Event without System/EventID. */
  | 'missing-event-id'
  /** System/EventID is present but not a decimal integer in the Avro `int` range. */
  | 'invalid-event-id'
  /** The message is longer than the configured maximum. */
  | 'oversized';

/** Location of the problem: a UTF-16 offset into the decoded text and the 0-based event index. */
export interface EventXmlErrorContext {
  offset?: number | null;
  eventIndex?: number | null;
  /** The offending value as written, shortened to at most 80 characters. */
  value?: string | null;
}

const MAX_VALUE_LENGTH = 80;

/** A rejected event XML message, with the spot in the text when it is known. */
export class EventXmlError extends Error {
  override readonly name = 'EventXmlError';
  readonly offset: number | null;
  readonly eventIndex: number | null;
  readonly value: string | null;

  constructor(
    readonly code: EventXmlErrorCode,
    message: string,
    context: EventXmlErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.offset = context.offset ?? null;
    this.eventIndex = context.eventIndex ?? null;
    this.value = shorten(context.value ?? null);
  }
}

/** Quotes a value for an error message, cut to a readable length. */
export function quoteValue(value: string): string {
  return JSON.stringify(shorten(value));
}

function shorten(value: string | null): string | null {
  if (value === null || value.length <= MAX_VALUE_LENGTH) {
    return value;
  }
  return `${value.slice(0, MAX_VALUE_LENGTH)}…`;
}
