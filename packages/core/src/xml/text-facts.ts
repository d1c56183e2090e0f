import { EventXmlError } from './event-xml-error';

/** Facts about the decoded message that the scanner needs before it starts. */
export interface TextFacts {
  /** Whether some character is one that XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE; U+FFFF). */
  hasForbiddenCharacter: boolean;
  /** Whether the text contains a literal tab, LF or CR, which values must normalize. */
  hasLineBreaks: boolean;
}

// One regex pass finds forbidden characters and surrogates. Surrogates are usually paired
// (characters outside the BMP), so the slower exact check runs only when one is found.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_OR_SURROGATE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Inspects the characters of a decoded message. Raises `malformed-xml` for an unpaired UTF-16
 * surrogate, which saxes 6.0.0 does not always reject (a lone high surrogate swallows the next character).
 */
export function inspectText(text: string): TextFacts {
  const hasLineBreaks = text.includes('\n') || text.includes('\r') || text.includes('\t');
  const special = FORBIDDEN_OR_SURROGATE.exec(text);
  if (special === null) {
    return { hasForbiddenCharacter: false, hasLineBreaks };
  }
  const code = text.charCodeAt(special.index);
  if (code < 0xd800 || code > 0xdfff) {
    return { hasForbiddenCharacter: true, hasLineBreaks };
  }
  const unpaired = UNPAIRED_SURROGATE.exec(text);
  if (unpaired !== null) {
    throw new EventXmlError(
      'malformed-xml',
      `Event XML contains an unpaired UTF-16 surrogate at offset ${unpaired.index}; ` +
        'the producer must send valid Unicode.',
      { offset: unpaired.index },
    );
  }
  return { hasForbiddenCharacter: FORBIDDEN.test(text), hasLineBreaks };
}
