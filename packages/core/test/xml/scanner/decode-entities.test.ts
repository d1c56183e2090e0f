import { decodeEntities, isXml10Char } from '../../../src/xml/scanner/decode-entities';

describe('decodeEntities', () => {
  it.each([
    ['no references', 'plain text', 'plain text'],
    ['predefined entities', '&lt;a&gt; &amp; &apos;b&quot;', `<a> & 'b"`],
    ['decimal reference', 'x&#92;y', 'x\\y'],
    ['hex reference', '&#x41;&#xe9;', 'Aé'],
    ['astral reference', '&#x1D11E;', '𝄞'],
    ['CR reference', '&#13;', '\r'],
    ['leading zeros', '&#x0041;', 'A'],
  ])('%s', (_label, raw, expected) => {
    expect(decodeEntities(raw)).toBe(expected);
  });

  it.each([
    ['unknown entity', '&nbsp;'],
    ['uppercase X', '&#X41;'],
    ['unterminated', 'a &amp b'],
    ['bare ampersand', 'a & b'],
    ['empty decimal', '&#;'],
    ['NUL', '&#0;'],
    ['C0 control', '&#1;'],
    ['surrogate', '&#xD800;'],
    ['above Unicode', '&#x110000;'],
    ['U+FFFE', '&#xFFFE;'],
  ])('leaves %s to saxes', (_label, raw) => {
    expect(decodeEntities(raw)).toBeNull();
  });
});

describe('isXml10Char', () => {
  it.each([
    [0x09, true],
    [0x0a, true],
    [0x0d, true],
    [0x1f, false],
    [0x20, true],
    [0xd7ff, true],
    [0xd800, false],
    [0xe000, true],
    [0xfffd, true],
    [0xfffe, false],
    [0x10000, true],
    [0x10ffff, true],
    [0x110000, false],
  ])('U+%s', (code, expected) => {
    expect(isXml10Char(code)).toBe(expected);
  });
});
