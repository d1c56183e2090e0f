import { isUtf8 } from 'node:buffer';

import { EnvelopeError } from './envelope-error';

/** A JSON field that may carry the event XML as a string, in the order they are tried. */
interface XmlField {
  /** Dotted path shown in error messages. */
  path: string;
  read: (envelope: Record<string, unknown>) => unknown;
}

const XML_FIELDS: readonly XmlField[] = [
  // Winlogbeat (ECS) keeps the original XML in event.original when include_xml is set. Its
  // `message` then contains the rendered text, so event.original must win.
  { path: 'event.original', read: (envelope) => (isObject(envelope.event) ? envelope.event.original : undefined) },
  // Splunk HEC-style envelopes carry the raw event as a string in `event`.
  { path: 'event', read: (envelope) => envelope.event },
  { path: 'message', read: (envelope) => envelope.message },
];

/**
 * Returns the event XML of a Kafka message: the message itself when it is XML, or the first
 * known JSON string field that contains XML. A UTF-8 byte order mark is removed.
 * Raises EnvelopeError with `invalid-utf8`, `invalid-json` or `envelope-without-xml`.
 */
export function extractXml(message: string | Uint8Array): string {
  const text = stripByteOrderMark(decode(message));
  const first = text.trimStart().charAt(0);
  if (first === '<') {
    return text;
  }
  if (first !== '{') {
    const start = JSON.stringify(text.trimStart().slice(0, 20));
    throw new EnvelopeError('envelope-without-xml', `Message starting ${start} is neither XML nor a JSON object.`);
  }
  return findXmlField(parseJsonObject(text));
}

function decode(message: string | Uint8Array): string {
  if (typeof message === 'string') {
    return message;
  }
  if (!isUtf8(message)) {
    throw new EnvelopeError(
      'invalid-utf8',
      `Message of ${message.length} bytes is not valid UTF-8; producers must send UTF-8.`,
    );
  }
  return Buffer.from(message.buffer, message.byteOffset, message.byteLength).toString('utf8');
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    // The text starts with "{", so whatever parses is an object.
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EnvelopeError('invalid-json', `Message starts with { but is not valid JSON: ${reason}`, { cause: error });
  }
}

function findXmlField(envelope: Record<string, unknown>): string {
  for (const field of XML_FIELDS) {
    const value = field.read(envelope);
    if (typeof value === 'string' && value.trimStart().startsWith('<')) {
      return stripByteOrderMark(value);
    }
  }
  const paths = XML_FIELDS.map((field) => field.path).join(', ');
  throw new EnvelopeError(
    'envelope-without-xml',
    `JSON message has no event XML in any of ${paths}; configure the shipper to include the XML.`,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
