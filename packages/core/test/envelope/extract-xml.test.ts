import { EnvelopeError, extractXml } from '../../src/envelope';
import type { EnvelopeErrorCode } from '../../src/envelope';

const XML = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System/></Event>";

function codeOf(message: string | Uint8Array): EnvelopeErrorCode | 'no error' {
  try {
    extractXml(message);
  } catch (error) {
    if (error instanceof EnvelopeError) {
      return error.code;
    }
    throw error;
  }
  return 'no error';
}

describe('extractXml', () => {
  it.each([
    ['plain XML', XML],
    ['XML with BOM', `\uFEFF${XML}`],
    [
      'Winlogbeat event.original',
      JSON.stringify({ message: 'Process accessed', event: { original: XML, code: '10' } }),
    ],
    ['HEC event string', JSON.stringify({ time: 1714637730.122, host: 'lab-host7', event: XML })],
    ['message field', JSON.stringify({ message: XML, host: 'lab-host7' })],
    ['message after non-XML event', JSON.stringify({ event: 'rendered text', message: XML })],
  ])('%s', (_label, message) => {
    expect(extractXml(message)).toBe(XML);
  });

  it('keeps leading whitespace', () => {
    expect(extractXml(`\r\n  ${XML}`)).toBe(`\r\n  ${XML}`);
  });

  it('accepts bytes', () => {
    expect(extractXml(Buffer.from(JSON.stringify({ message: XML }), 'utf8'))).toBe(XML);
  });

  it('prefers event.original', () => {
    const other = XML.replace('<System/>', '<System></System>');
    expect(extractXml(JSON.stringify({ message: other, event: { original: XML } }))).toBe(XML);
  });

  it('strips BOM in a field', () => {
    expect(extractXml(JSON.stringify({ message: `\uFEFF${XML}` }))).toBe(XML);
  });

  it.each([
    ['truncated JSON', '{"message": "<Event', 'invalid-json'],
    ['JSON without XML', JSON.stringify({ message: 'Process accessed' }), 'envelope-without-xml'],
    ['event object without original', JSON.stringify({ event: { code: 10 } }), 'envelope-without-xml'],
    ['XML in a number field', JSON.stringify({ message: 10 }), 'envelope-without-xml'],
    ['plain text', 'EventCode=10 SourceImage=wmiprvse.exe', 'envelope-without-xml'],
    ['JSON array', JSON.stringify([XML]), 'envelope-without-xml'],
    ['empty message', '', 'envelope-without-xml'],
    ['invalid UTF-8', Buffer.of(0x3c, 0xc3, 0x28), 'invalid-utf8'],
  ] as Array<[string, string | Uint8Array, EnvelopeErrorCode]>)('rejects %s', (_label, message, code) => {
    expect(codeOf(message)).toBe(code);
  });

  it('lists the fields tried', () => {
    expect(() => extractXml('{"message": "hello"}')).toThrow('event.original, event, message');
  });
});
