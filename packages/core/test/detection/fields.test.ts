import { createFieldLookup, type SearchableEvent } from '../../src/detection/fields';
import type { WindowsEvent } from '../../src/event/windows-event';
import { processAccessEvent } from './support/process-access-event';

describe('createFieldLookup', () => {
  it.each([
    ['EventCode', '10'],
    ['EventID', '10'],
    ['dest', 'WORKSTATION6.theshire.local'],
    ['Computer', 'WORKSTATION6.theshire.local'],
    ['Channel', 'Microsoft-Windows-Sysmon/Operational'],
    ['GrantedAccess', '0x1fffff'],
    ['SourceImage', String.raw`C:\windows\system32\wbem\wmiprvse.exe`],
  ])('reads %s', (field, expected) => {
    expect(createFieldLookup(processAccessEvent())(field)).toBe(expected);
  });

  it('returns undefined for absent Data', () => {
    expect(createFieldLookup(processAccessEvent({ CallTrace: null }))('CallTrace')).toBeUndefined();
  });

  it('turns empty Data into null', () => {
    expect(createFieldLookup(processAccessEvent({ SourceImage: '' }))('SourceImage')).toBeUndefined();
  });

  it('keeps whitespace-only Data', () => {
    expect(createFieldLookup(processAccessEvent({ SourceImage: '\r' }))('SourceImage')).toBe('\r');
  });

  it('keeps surrounding spaces', () => {
    const lookup = createFieldLookup(processAccessEvent({ CommandLine: 'ping  -n 6 127.0.0.1 ' }));
    expect(lookup('CommandLine')).toBe('ping  -n 6 127.0.0.1 ');
  });

  it('turns null Computer into null dest', () => {
    expect(createFieldLookup(processAccessEvent({}, { computer: null }))('dest')).toBeUndefined();
  });

  it('turns empty Channel into null', () => {
    expect(createFieldLookup(processAccessEvent({}, { channel: '' }))('Channel')).toBeUndefined();
  });

  it('reads first of repeated Data', () => {
    const event = processAccessEvent();
    const lookup = createFieldLookup({
      ...event,
      eventData: [...(event.eventData ?? []), { name: 'GrantedAccess', value: 'x' }],
    });
    expect(lookup('GrantedAccess')).toBe('0x1fffff');
  });

  it('skips Data without Name', () => {
    const lookup = createFieldLookup({ ...processAccessEvent(), eventData: [{ name: null, value: 'orphan' }] });
    expect(lookup('null')).toBeUndefined();
  });

  it('matches field names case-sensitively', () => {
    expect(createFieldLookup(processAccessEvent())('grantedaccess')).toBeUndefined();
  });

  it('reads DCOM event id whole', () => {
    expect(createFieldLookup(processAccessEvent({}, { eventId: 10016 }))('EventCode')).toBe('10016');
  });
});

describe('createFieldLookup without EventData', () => {
  it('returns undefined for Data', () => {
    expect(createFieldLookup({ ...processAccessEvent(), eventData: null })('GrantedAccess')).toBeUndefined();
  });

  it('still reads System fields', () => {
    expect(createFieldLookup({ ...processAccessEvent(), eventData: null })('EventCode')).toBe('10');
  });
});

describe('SearchableEvent', () => {
  // Fails to compile if the normalized event type stops providing the fields SPL reads.
  it('accepts a WindowsEvent', () => {
    const normalized: Pick<WindowsEvent, 'eventId' | 'computer' | 'channel' | 'eventData'> = {
      eventId: 10,
      computer: 'PC04.example.corp',
      channel: 'Microsoft-Windows-Sysmon/Operational',
      eventData: [{ name: 'GrantedAccess', value: '0x1478' }],
    };
    const searchable: SearchableEvent = normalized;
    expect(createFieldLookup(searchable)('GrantedAccess')).toBe('0x1478');
  });
});
