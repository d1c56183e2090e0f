import { isUtf8 } from 'node:buffer';

import { EventXmlError } from './event-xml-error';

/**
 * Decodes a message to text without a byte order mark. Bytes must be UTF-8.
 * Raises `oversized` when the UTF-8 length exceeds `maxBytes` and `malformed-xml` for bad encoding.
 */
export function decodeEventXml(input: string | Uint8Array, maxBytes: number): string {
  return typeof input === 'string' ? checkString(input, maxBytes) : decodeBytes(input, maxBytes);
}

function decodeBytes(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length > maxBytes) {
    throw oversized(bytes.length, maxBytes);
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new EventXmlError('malformed-xml', 'Event XML starts with a UTF-16 byte order mark; re-encode it as UTF-8.', {
      offset: 0,
    });
  }
  if (!isUtf8(bytes)) {
    throw new EventXmlError('malformed-xml', 'Event XML is not valid UTF-8; re-encode it as UTF-8.');
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start);
}

function checkString(text: string, maxBytes: number): string {
  // A UTF-16 code unit takes one to three UTF-8 bytes, so only the middle range needs counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes)) {
    throw oversized(Buffer.byteLength(text, 'utf8'), maxBytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function oversized(byteLength: number, maxBytes: number): EventXmlError {
  return new EventXmlError(
    'oversized',
    `Event XML message is ${byteLength} bytes, more than the maximum of ${maxBytes}; ` +
      'raise maxBytes or split the message.',
  );
}
