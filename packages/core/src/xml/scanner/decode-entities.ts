// The five predefined XML entities. Any other name needs a DTD, which is never accepted.
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', apos: "'", quot: '"' };

/** Maximum length of a reference that the scanner decodes, enough for `&#x10FFFF;` with leading zeros. */
const MAX_REFERENCE_LENGTH = 12;

/**
 * Decodes entity and character references. Returns null for anything the scanner leaves to
 * saxes: an unknown entity, a reference that is not closed, or a code point XML 1.0 forbids.
 */
export function decodeEntities(raw: string): string | null {
  let ampersand = raw.indexOf('&');
  if (ampersand === -1) {
    return raw;
  }
  let out = '';
  let copied = 0;
  while (ampersand !== -1) {
    const semicolon = raw.indexOf(';', ampersand + 1);
    if (semicolon === -1 || semicolon - ampersand > MAX_REFERENCE_LENGTH) {
      return null;
    }
    const decoded = decodeReference(raw.slice(ampersand + 1, semicolon));
    if (decoded === null) {
      return null;
    }
    out += raw.slice(copied, ampersand) + decoded;
    copied = semicolon + 1;
    ampersand = raw.indexOf('&', copied);
  }
  return out + raw.slice(copied);
}

function decodeReference(name: string): string | null {
  if (name.charCodeAt(0) !== 0x23) {
    return PREDEFINED[name] ?? null;
  }
  // XML allows only a lowercase `x` before hex digits.
  const hex = name.charCodeAt(1) === 0x78;
  const digits = name.slice(hex ? 2 : 1);
  const pattern = hex ? /^[0-9A-Fa-f]+$/ : /^[0-9]+$/;
  if (!pattern.test(digits)) {
    return null;
  }
  const code = parseInt(digits, hex ? 16 : 10);
  return isXml10Char(code) ? String.fromCodePoint(code) : null;
}

/** Tests the XML 1.0 Char production: tab, LF, CR and the non-surrogate, non-FFFE/FFFF range. */
export function isXml10Char(code: number): boolean {
  if (code < 0x20) {
    return code === 0x09 || code === 0x0a || code === 0x0d;
  }
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}
