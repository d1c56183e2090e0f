import type { EventXmlErrorCode } from '../../src/xml';
import { EventXmlError, parseEventXml, parseEventXmlWithSaxes } from '../../src/xml';
import { event, processAccessData, system } from './sample-events';
import { COMPACT_STYLE, el, render } from './sample-tree';

const OPTIONS = { maxBytes: 64 * 1024 };
const GOOD = render(event([system(), processAccessData()]), COMPACT_STYLE);

type Parse = (input: string | Uint8Array, options: { maxBytes: number }) => unknown;

function errorOf(parse: Parse, input: string | Uint8Array, maxBytes = OPTIONS.maxBytes): EventXmlError {
  try {
    parse(input, { maxBytes });
  } catch (error) {
    if (error instanceof EventXmlError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

const CASES: Array<[string, string | Uint8Array, EventXmlErrorCode]> = [
  ['unclosed element', GOOD.replace('</EventData>', ''), 'malformed-xml'],
  ['mismatched end tag', GOOD.replace('</Computer>', '</Channel>'), 'malformed-xml'],
  ['undefined entity', GOOD.replace('notepad.exe', '&nbsp;'), 'malformed-xml'],
  ['uppercase X reference', GOOD.replace('notepad.exe', '&#X41;'), 'malformed-xml'],
  ['reference to NUL', GOOD.replace('notepad.exe', '&#0;'), 'malformed-xml'],
  ['< in attribute', GOOD.replace("Name='CallTrace'", "Name='Call<Trace'"), 'malformed-xml'],
  ['duplicate attribute', GOOD.replace("<Data Name='CallTrace'", "<Data Name='CallTrace' Name='X'"), 'malformed-xml'],
  ['unquoted attribute', GOOD.replace("ThreadID='3120'", 'ThreadID=3120'), 'malformed-xml'],
  ['control character', GOOD.replace('notepad.exe', 'note\u0001pad.exe'), 'malformed-xml'],
  [']]> in text', GOOD.replace('notepad.exe', 'a]]>b'), 'malformed-xml'],
  ['text between events', `${GOOD}junk${GOOD}`, 'malformed-xml'],
  ['empty message', '', 'malformed-xml'],
  ['whitespace only', ' \r\n', 'malformed-xml'],
  ['unpaired surrogate', GOOD.replace('notepad.exe', 'a\uD800b'), 'malformed-xml'],
  ['invalid declaration', `<?xml version="2.0"?>${GOOD}`, 'malformed-xml'],
  ['declaration not first', ` <?xml version="1.0"?>${GOOD}`, 'malformed-xml'],
  [
    'invalid UTF-8',
    Buffer.concat([Buffer.from(GOOD.slice(0, 50)), Buffer.of(0xc3, 0x28), Buffer.from(GOOD.slice(50))]),
    'malformed-xml',
  ],
  ['UTF-16 bytes', Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(GOOD, 'utf16le')]), 'malformed-xml'],
  ['declared Latin-1 bytes', Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${GOOD}`), 'malformed-xml'],
  ['other root element', '<Record><EventID>10</EventID></Record>', 'not-an-event'],
  ['other namespace', render(event([system()], 'urn:example:other'), COMPACT_STYLE), 'not-an-event'],
  ['other element in wrapper', `<Events>${GOOD}<Note/></Events>`, 'not-an-event'],
  ['nested wrappers', `<Events><Events>${GOOD}</Events></Events>`, 'not-an-event'],
  ['text in wrapper', `<Events>${GOOD}note</Events>`, 'not-an-event'],
  ['DOCTYPE first', `<!DOCTYPE Event>${GOOD}`, 'doctype-rejected'],
  ['DOCTYPE after declaration', `<?xml version="1.0"?>\n<!DOCTYPE Event [<!ENTITY x "y">]>${GOOD}`, 'doctype-rejected'],
  ['DOCTYPE after comment', `<!-- exported --><!DOCTYPE Event [<!ENTITY a "aaaa">]>${GOOD}`, 'doctype-rejected'],
  ['DOCTYPE between events', `${GOOD}<!DOCTYPE Event>${GOOD}`, 'doctype-rejected'],
  ['no EventID', GOOD.replace('<EventID>10</EventID>', ''), 'missing-event-id'],
  ['no System', render(event([processAccessData()]), COMPACT_STYLE), 'missing-event-id'],
  ['empty Event', `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'/>`, 'missing-event-id'],
  ['EventID not a number', GOOD.replace('<EventID>10</EventID>', '<EventID>ten</EventID>'), 'invalid-event-id'],
  ['EventID empty', GOOD.replace('<EventID>10</EventID>', '<EventID/>'), 'invalid-event-id'],
  ['EventID above int', GOOD.replace('<EventID>10</EventID>', '<EventID>2147483648</EventID>'), 'invalid-event-id'],
  ['deep nesting', render(event([system(), el('UserData', {}, nest(70))]), COMPACT_STYLE), 'oversized'],
];

function nest(depth: number): ReturnType<typeof el> {
  return depth === 0 ? el('Leaf') : el('Level', {}, nest(depth - 1));
}

describe('bad input', () => {
  it.each(CASES)('%s (scanner path)', (_label, input, code) => {
    expect(errorOf(parseEventXml, input).code).toBe(code);
  });

  it.each(CASES)('%s (saxes path)', (_label, input, code) => {
    expect(errorOf(parseEventXmlWithSaxes, input).code).toBe(code);
  });

  it.each([
    ['string', GOOD],
    ['bytes', Buffer.from(GOOD)],
  ])('oversized %s', (_label, input) => {
    expect(errorOf(parseEventXml, input, 100).code).toBe('oversized');
  });

  it('oversized counts UTF-8 bytes', () => {
    // 40 characters of three bytes each: 120 bytes, though only 40 UTF-16 code units.
    expect(errorOf(parseEventXml, '日'.repeat(40), 100).code).toBe('oversized');
  });

  it('message names the value', () => {
    const error = errorOf(parseEventXml, GOOD.replace('<EventID>10</EventID>', '<EventID>ten</EventID>'));
    expect(error.message).toContain('"ten"');
    expect(error.value).toBe('ten');
  });

  it('malformed reports offset', () => {
    const input = GOOD.replace('notepad.exe', '&nbsp;');
    const error = errorOf(parseEventXml, input);
    expect(error.offset).toBe(input.indexOf('&nbsp;') + '&nbsp;'.length);
  });

  it('malformed keeps cause', () => {
    expect(errorOf(parseEventXml, GOOD.replace('</EventData>', '')).cause).toBeInstanceOf(Error);
  });

  it('DOCTYPE offset points at it', () => {
    const input = `<!-- x --><!DOCTYPE Event>${GOOD}`;
    expect(errorOf(parseEventXml, input).offset).toBe(input.indexOf('<!DOCTYPE'));
  });

  it('rejects a doubled root', () => {
    expect(errorOf(parseEventXml, `${GOOD}<Other/>`).code).toBe('not-an-event');
  });
});
