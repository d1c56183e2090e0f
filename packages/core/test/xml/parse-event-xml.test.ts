import type { WindowsEvent } from '../../src/event';
import { normalizeEventXml, parseEventXml, parseEventXmlWithSaxes } from '../../src/xml';
import { classicEvent, event, processAccessData, renderingInfo, system, userData } from './sample-events';
import { COMPACT_STYLE, el, render } from './sample-tree';

const OPTIONS = { maxBytes: 64 * 1024 };

/** Parses with both paths, checks they agree, and returns the only event. */
function parseOne(xml: string): WindowsEvent {
  const scanned = parseEventXml(xml, OPTIONS);
  expect(scanned.events).toEqual(parseEventXmlWithSaxes(xml, OPTIONS));
  expect(scanned.events).toHaveLength(1);
  return scanned.events[0] as WindowsEvent;
}

function dataValue(record: WindowsEvent, name: string): string | undefined {
  return record.eventData?.find((item) => item.name === name)?.value;
}

const SYSMON_XML = render(event([system(), processAccessData()]), COMPACT_STYLE);

describe('parseEventXml System fields', () => {
  const record = parseOne(SYSMON_XML);

  it.each([
    ['providerName', 'Microsoft-Windows-Sysmon'],
    ['providerGuid', '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'],
    ['eventSourceName', null],
    ['eventId', 10],
    ['eventIdQualifiers', null],
    ['version', 3],
    ['level', 4],
    ['task', 10],
    ['opcode', 0],
    ['keywords', '0x8000000000000000'],
    ['timeCreatedRaw', '2024-05-02T08:15:30.1234567Z'],
    ['timeCreated', Date.UTC(2024, 4, 2, 8, 15, 30) * 1000 + 123456],
    ['eventRecordId', 424242],
    ['activityId', null],
    ['relatedActivityId', null],
    ['processId', 2996],
    ['threadId', 3120],
    ['channel', 'Microsoft-Windows-Sysmon/Operational'],
    ['computer', 'lab-host7.example.test'],
    ['userId', 'S-1-5-18'],
    ['binary', null],
    ['userData', null],
    ['renderingInfo', null],
  ] as Array<[keyof WindowsEvent, unknown]>)('%s', (field, expected) => {
    expect(record[field]).toEqual(expected);
  });

  it('keeps extra empty', () => {
    expect(record.extra).toEqual([]);
  });

  it('uses the scanner', () => {
    expect(parseEventXml(SYSMON_XML, OPTIONS).parser).toBe('scanner');
  });
});

describe('parseEventXml EventData', () => {
  it('keeps document order', () => {
    const names = parseOne(SYSMON_XML).eventData?.map((item) => item.name);
    expect(names?.slice(0, 3)).toEqual(['RuleName', 'UtcTime', 'SourceProcessGUID']);
  });

  it.each([
    ['empty element', `<Data Name='CallTrace'></Data>`, ''],
    ['self-closed element', `<Data Name='CallTrace'/>`, ''],
    ['lone CR reference', `<Data Name='CallTrace'>&#13;</Data>`, '\r'],
    ['surrounding spaces', `<Data Name='CallTrace'>  a b </Data>`, '  a b '],
    ['literal CRLF', `<Data Name='CallTrace'>a\r\nb\rc</Data>`, 'a\nb\nc'],
  ])('CallTrace as %s', (_label, dataXml, expected) => {
    const xml = SYSMON_XML.replace(/<Data Name='CallTrace'>.*?<\/Data>/, dataXml);
    expect(dataValue(parseOne(xml), 'CallTrace')).toBe(expected);
  });

  it('CallTrace absent', () => {
    const xml = SYSMON_XML.replace(/<Data Name='CallTrace'>.*?<\/Data>/, '');
    expect(dataValue(parseOne(xml), 'CallTrace')).toBeUndefined();
  });

  it('EventData absent is null', () => {
    const record = parseOne(render(event([system()]), COMPACT_STYLE));
    expect(record.eventData).toBeNull();
  });

  it('EventData empty is empty list', () => {
    const record = parseOne(render(event([system(), el('EventData')]), COMPACT_STYLE));
    expect(record.eventData).toEqual([]);
  });
});

describe('parseEventXml references', () => {
  it.each([
    ['named entities', '&amp;&lt;&gt;&apos;&quot;', `&<>'"`],
    ['decimal references', '&#92;&#233;&#119070;', '\\é𝄞'],
    ['hex references', '&#x5C;&#xe9;&#x1D11E;', '\\é𝄞'],
    ['raw non-ASCII', 'Microsoft® Windows® – 日本語', 'Microsoft® Windows® – 日本語'],
  ])('%s', (_label, written, expected) => {
    const xml = SYSMON_XML.replace('notepad.exe', written);
    expect(dataValue(parseOne(xml), 'TargetImage')).toBe(`C:\\Windows\\System32\\${expected}`);
  });

  it('spaces around = accepted', () => {
    const xml = SYSMON_XML.replace("ThreadID='3120'", "ThreadID = '3120'");
    expect(parseEventXml(xml, OPTIONS).parser).toBe('scanner');
    expect(parseOne(xml).threadId).toBe(3120);
  });

  it('normalizes attribute whitespace', () => {
    const xml = SYSMON_XML.replace("Name='CallTrace'", "Name='Call\tTrace\r\nX'");
    expect(parseOne(xml).eventData?.map((item) => item.name)).toContain('Call Trace X');
  });
});

describe('parseEventXml classic events', () => {
  const record = parseOne(render(classicEvent(), COMPACT_STYLE));

  it('reads Qualifiers', () => {
    expect(record.eventIdQualifiers).toBe('16384');
  });

  it('reads EventSourceName', () => {
    expect(record.eventSourceName).toBe('Service Control Manager');
  });

  it('keeps unnamed Data', () => {
    expect(record.eventData).toEqual([
      { name: null, value: 'Print Spooler' },
      { name: null, value: 'running' },
    ]);
  });

  it('reads Binary', () => {
    expect(record.binary).toBe('5300700006F006F006C00');
  });

  it('Security without UserID', () => {
    expect(record.userId).toBeNull();
  });
});

describe('parseEventXml RenderingInfo', () => {
  const record = parseOne(render(event([system(), processAccessData(), renderingInfo()]), COMPACT_STYLE));

  it.each([
    ['level', 4],
    ['task', 10],
    ['opcode', 0],
  ] as Array<[keyof WindowsEvent, number]>)('keeps System %s', (field, expected) => {
    expect(record[field]).toBe(expected);
  });

  it('keeps inner XML', () => {
    expect(record.renderingInfo).toBe(
      '<Message>Process accessed:&#13;\nRuleName: -&#13;\nGrantedAccess: 0x1478</Message><Level>Information</Level>' +
        '<Task>Process accessed (rule: ProcessAccess)</Task><Opcode>Info</Opcode>',
    );
  });

  it('puts Culture in extra', () => {
    expect(record.extra).toEqual([{ path: 'RenderingInfo/@Culture', value: 'en-US' }]);
  });
});

describe('parseEventXml UserData', () => {
  it('keeps nested namespace', () => {
    const record = parseOne(render(event([system(), userData()]), COMPACT_STYLE));
    expect(record.userData).toBe(
      '<PackageChange xmlns="http://manifests.example.test/setup"><PackageName>Feature-Pack &amp; Tools</PackageName>' +
        '<ErrorCode/><Client>Servicing Stack</Client></PackageChange>',
    );
  });
});

describe('parseEventXml framing', () => {
  const two =
    render(event([system({ eventId: '1' })]), COMPACT_STYLE) + render(event([system({ eventId: '2' })]), COMPACT_STYLE);

  it.each([
    ['concatenated', two],
    ['Events wrapper', `<Events>${two}</Events>`],
    ['declaration and newlines', `<?xml version='1.0'?>\n${two.replace('><Event', '>\r\n<Event')}\n`],
  ])('%s gives two events', (_label, xml) => {
    expect(normalizeEventXml(xml, OPTIONS).map((record) => record.eventId)).toEqual([1, 2]);
  });

  it('empty wrapper gives none', () => {
    expect(normalizeEventXml('<Events/>', OPTIONS)).toEqual([]);
  });

  it('accepts Uint8Array', () => {
    const bytes = new Uint8Array(Buffer.from(`\uFEFF${SYSMON_XML}`, 'utf8'));
    expect(normalizeEventXml(bytes, OPTIONS)[0]?.eventRecordId).toBe(424242);
  });
});

describe('parseEventXml invalid System values', () => {
  it.each([
    ['Level', '<Level>4</Level>', '<Level>High</Level>', 'level', 'System/Level', 'High'],
    ['Version', '<Version>3</Version>', '<Version></Version>', 'version', 'System/Version', ''],
    ['ProcessID', "ProcessID='2996'", "ProcessID='-1'", 'processId', 'System/Execution/@ProcessID', '-1'],
  ] as Array<[string, string, string, keyof WindowsEvent, string, string]>)(
    '%s kept in extra',
    (_label, original, replacement, field, path, text) => {
      const record = parseOne(SYSMON_XML.replace(original, replacement));
      expect(record[field]).toBeNull();
      expect(record.extra).toEqual([{ path, value: text }]);
    },
  );

  it('bad SystemTime keeps raw', () => {
    const record = parseOne(SYSMON_XML.replace('2024-05-02T08:15:30.1234567Z', 'yesterday'));
    expect(record.timeCreated).toBeNull();
    expect(record.timeCreatedRaw).toBe('yesterday');
  });
});
