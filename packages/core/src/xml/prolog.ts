import { EventXmlError, quoteValue } from './event-xml-error';

/** Settings read from the text before the first event. */
export interface Prolog {
  /** Offset of the first character after the XML declaration (0 without one). */
  bodyStart: number;
  /** XML 1.1 changes line-end handling and the allowed characters. Other versions parse as 1.0. */
  xmlVersion: '1.0' | '1.1';
  /** The declared encoding as written, or null. */
  encoding: string | null;
}

const S = '[ \\t\\r\\n]';
const XML_DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(?:"(1\\.[0-9]+)"|'(1\\.[0-9]+)')` +
    `(?:${S}+encoding${S}*=${S}*(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)'))?` +
    `(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>`,
);
const DECLARATION_START = /^<\?xml[ \t\r\n?]/;
const DOCTYPE_AFTER_DECLARATION = /^[ \t\r\n]*<!DOCTYPE/;

/**
 * Reads the optional XML declaration and rejects a DOCTYPE that follows it.
 * A DOCTYPE elsewhere (after a comment, say) is caught by the parser that meets it.
 */
export function readProlog(text: string): Prolog {
  let prolog: Prolog = { bodyStart: 0, xmlVersion: '1.0', encoding: null };
  if (DECLARATION_START.test(text)) {
    prolog = readDeclaration(text);
  }
  if (DOCTYPE_AFTER_DECLARATION.test(text.slice(prolog.bodyStart, prolog.bodyStart + 64))) {
    const offset = text.indexOf('<!DOCTYPE', prolog.bodyStart);
    throw doctypeRejected(offset);
  }
  return prolog;
}

/** Creates the error that both parsers raise for a DOCTYPE, wherever it appears. */
export function doctypeRejected(offset: number): EventXmlError {
  return new EventXmlError(
    'doctype-rejected',
    `Event XML contains a DOCTYPE declaration at offset ${offset}; DOCTYPE and entity declarations are not ` +
      'accepted, so remove them at the producer.',
    { offset },
  );
}

function readDeclaration(text: string): Prolog {
  const match = XML_DECLARATION.exec(text);
  if (match === null) {
    const end = text.indexOf('?>');
    const written = end === -1 ? text.slice(0, 80) : text.slice(0, end + 2);
    throw new EventXmlError(
      'malformed-xml',
      `Event XML has an invalid XML declaration ${quoteValue(written)}; expected <?xml version="1.0"?> ` +
        'with optional encoding and standalone.',
      { offset: 0, value: written },
    );
  }
  const version = match[1] ?? match[2];
  return {
    bodyStart: match[0].length,
    xmlVersion: version === '1.1' ? '1.1' : '1.0',
    encoding: match[3] ?? match[4] ?? null,
  };
}
