import type { WindowsEvent } from '../../src/event';
import { parseEventXml, parseEventXmlWithSaxes } from '../../src/xml';
import { event, processAccessData, system } from './sample-events';
import { COMPACT_STYLE, el, render } from './sample-tree';

// Input outside the scanner's shape must reach saxes, which keeps every unknown node in `extra`.

const OPTIONS = { maxBytes: 64 * 1024 };
const GOOD = render(event([system(), processAccessData()]), COMPACT_STYLE);

function parseFallback(xml: string): WindowsEvent {
  const result = parseEventXml(xml, OPTIONS);
  expect(result.parser).toBe('saxes');
  expect(result.events).toEqual(parseEventXmlWithSaxes(xml, OPTIONS));
  return result.events[0] as WindowsEvent;
}

describe('scanner fallback', () => {
  it.each([
    [
      'unknown Execution attribute',
      "ThreadID='3120'",
      "ThreadID='3120' ProcessorID='2'",
      'System/Execution/@ProcessorID',
      '2',
    ],
    ['unknown System element', '<Computer>', '<Bookmark>b1</Bookmark><Computer>', 'System/Bookmark', 'b1'],
    ['attribute on System', '<System>', "<System Origin='relay'>", 'System/@Origin', 'relay'],
    ['text in System', '<Computer>', 'stray<Computer>', 'System/text()', 'stray'],
    ['second Channel', '<Computer>', '<Channel>Extra</Channel><Computer>', 'System/Channel', 'Extra'],
    [
      'Data attribute',
      "<Data Name='CallTrace'>",
      "<Data Name='CallTrace' Type='string'>",
      'EventData/Data[11]/@Type',
      'string',
    ],
    ['attribute on EventData', '<EventData>', "<EventData Name='ProcessAccess'>", 'EventData/@Name', 'ProcessAccess'],
    [
      'unknown EventData element',
      '</EventData>',
      '<ComplexData>1</ComplexData></EventData>',
      'EventData/ComplexData',
      '1',
    ],
    [
      'unknown Event element',
      '</Event>',
      '<DebugData><Level>2</Level></DebugData></Event>',
      'DebugData',
      '<Level>2</Level>',
    ],
    ['attribute on Event', '<Event ', "<Event Sequence='7' ", '@Sequence', '7'],
  ])('%s goes to extra', (_label, original, replacement, path, value) => {
    expect(GOOD).toContain(original);
    const record = parseFallback(GOOD.replace(original, replacement));
    expect(record.extra).toEqual([{ path, value }]);
  });

  it.each([
    ['comment', '<Computer>', '<!-- note --><Computer>'],
    ['processing instruction', '<Computer>', '<?audit on?><Computer>'],
    ['CDATA value', 'notepad.exe', 'note<![CDATA[pad]]>.exe'],
    ['prefixed namespace', '<Event ', "<Event xmlns:w='urn:x' "],
  ])('%s keeps the record', (_label, original, replacement) => {
    expect(GOOD).toContain(original);
    expect(parseFallback(GOOD.replace(original, replacement))).toEqual(parseEventXml(GOOD, OPTIONS).events[0]);
  });

  it('namespace on UserData', () => {
    const xml = render(event([system(), el('UserData', { xmlns: 'urn:example:other' }, el('Item'))]), COMPACT_STYLE);
    const record = parseFallback(xml);
    expect(record.userData).toBeNull();
    expect(record.extra).toEqual([
      { path: 'UserData', value: '<Item/>' },
      { path: 'UserData/@xmlns', value: 'urn:example:other' },
    ]);
  });

  it('prefixed Event element', () => {
    const prefixed = GOOD.replace(/<(\/?)([A-Za-z]+)/g, '<$1e:$2').replace("e:Event xmlns='", "e:Event xmlns:e='");
    expect(parseFallback(prefixed)).toEqual(parseEventXml(GOOD, OPTIONS).events[0]);
  });

  it('XML 1.1 control reference', () => {
    const xml = `<?xml version="1.1"?>${GOOD.replace('notepad.exe', 'a&#1;b')}`;
    const record = parseFallback(xml);
    expect(record.eventData?.find((item) => item.name === 'TargetImage')?.value).toBe(
      'C:\\Windows\\System32\\a\u0001b',
    );
  });

  it('XML 1.1 NEL line end', () => {
    const xml = `<?xml version="1.1"?>${GOOD.replace('notepad.exe', 'a\u0085b')}`;
    const record = parseFallback(xml);
    expect(record.eventData?.find((item) => item.name === 'TargetImage')?.value).toBe('C:\\Windows\\System32\\a\nb');
  });

  it('names the fallback reason', () => {
    const reason = parseEventXml(GOOD.replace('<Computer>', '<!-- c --><Computer>'), OPTIONS).fallbackReason;
    expect(reason).toMatch(/^markup in System other than a known child element at offset \d+$/);
  });
});
