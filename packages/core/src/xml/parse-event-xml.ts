import type { WindowsEvent } from '../event/windows-event';
import { decodeEventXml } from './decode-input';
import { EventXmlError, quoteValue } from './event-xml-error';
import type { Prolog } from './prolog';
import { readProlog } from './prolog';
import { scanEventDocument } from './scanner/scan-document';
import type { TextFacts } from './text-facts';
import { inspectText } from './text-facts';
import { ScannerFallback } from './scanner/scanner-fallback';
import { readEventsWithSaxes } from './tree/read-events-with-saxes';

export interface EventXmlOptions {
  /** Maximum message size in UTF-8 bytes. Larger messages raise `oversized`. */
  maxBytes: number;
}

/** The parser that produced the records. */
export type EventXmlParser = 'scanner' | 'saxes';

export interface EventXmlResult {
  /** One record per Event element, in document order. */
  events: WindowsEvent[];
  parser: EventXmlParser;
  /** The scanner's reason for handing over to saxes, with construct and offset; null without fallback. */
  fallbackReason: string | null;
}

// Byte input is decoded as UTF-8, of which US-ASCII is a subset.
const ACCEPTED_ENCODINGS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/**
 * Parses one message of Windows event XML: a single `<Event>`, several concatenated, or an
 * `<Events>` wrapper, optionally after an XML declaration and a UTF-8 byte order mark.
 * The fast scanner handles the shape Windows and common converters render. Anything else is
 * parsed again by saxes, which builds the same records. Raises EventXmlError.
 */
export function parseEventXml(input: string | Uint8Array, options: EventXmlOptions): EventXmlResult {
  const { text, prolog, facts } = prepare(input, options);
  try {
    return { events: scanEventDocument(text, prolog, facts), parser: 'scanner', fallbackReason: null };
  } catch (error) {
    if (!(error instanceof ScannerFallback)) {
      throw error;
    }
    return { events: readEventsWithSaxes(text, prolog), parser: 'saxes', fallbackReason: error.message };
  }
}

/** Returns the records of parseEventXml without the parser details. */
export function normalizeEventXml(input: string | Uint8Array, options: EventXmlOptions): WindowsEvent[] {
  return parseEventXml(input, options).events;
}

/** Parses with saxes only, skipping the scanner. Tests use it, and it helps to diagnose a message. */
export function parseEventXmlWithSaxes(input: string | Uint8Array, options: EventXmlOptions): WindowsEvent[] {
  const { text, prolog } = prepare(input, options);
  return readEventsWithSaxes(text, prolog);
}

interface PreparedText {
  text: string;
  prolog: Prolog;
  facts: TextFacts;
}

function prepare(input: string | Uint8Array, options: EventXmlOptions): PreparedText {
  const text = decodeEventXml(input, options.maxBytes);
  const facts = inspectText(text);
  const prolog = readProlog(text);
  const encoding = prolog.encoding;
  if (typeof input !== 'string' && encoding !== null && !ACCEPTED_ENCODINGS.has(encoding.toLowerCase())) {
    throw new EventXmlError(
      'malformed-xml',
      `Event XML declares encoding ${quoteValue(encoding)}, but bytes are read as UTF-8; ` +
        're-encode the message as UTF-8.',
      { offset: 0, value: encoding },
    );
  }
  return { text, prolog, facts };
}
