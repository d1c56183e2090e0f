import { compileFilter } from '../../src/filter/compile-filter';
import type { FieldLookup } from '../../src/filter/field-lookup';

const WMI_FILTER = String.raw`EventCode=10 SourceImage="*\\wmiprvse.exe" GrantedAccess IN ("0x1478","0x1fffff")`;

// A Sysmon EventID 10 written by WmiPrvSE, as the positive in the OTRF WSMan dataset has it.
const POSITIVE: Record<string, string> = {
  EventCode: '10',
  SourceImage: String.raw`C:\windows\system32\wbem\wmiprvse.exe`,
  TargetImage: String.raw`C:\windows\system32\whoami.exe`,
  GrantedAccess: '0x1fffff',
  SourceProcessId: '2440',
  dest: 'WORKSTATION6.theshire.local',
};

function lookupOf(fields: Record<string, string | undefined>): FieldLookup {
  return (field) => fields[field];
}

function evaluate(filter: string, fields: Record<string, string | undefined>): boolean {
  return compileFilter(filter)(lookupOf(fields));
}

describe('compileFilter', () => {
  it('matches the positive event', () => {
    expect(evaluate(WMI_FILTER, POSITIVE)).toBe(true);
  });

  it.each([
    ['mixed-case image', { SourceImage: String.raw`C:\Windows\System32\wbem\WmiPrvSE.exe` }, true],
    ['upper-case access', { GrantedAccess: '0x1FFFFF' }, true],
    ['other listed access', { GrantedAccess: '0x1478' }, true],
    ['padded access', { GrantedAccess: '0x01478' }, false],
    ['libevtx padded access', { GrantedAccess: '0x001fffff' }, false],
    ['unlisted access', { GrantedAccess: '0x1400' }, false],
    ['bare image name', { SourceImage: 'wmiprvse.exe' }, false],
    ['look-alike image', { SourceImage: String.raw`C:\x\notwmiprvse.exe` }, false],
    ['trailing space image', { SourceImage: String.raw`C:\windows\system32\wbem\wmiprvse.exe ` }, false],
    ['carriage-return image', { SourceImage: '\r' }, false],
    ['absent image', { SourceImage: undefined }, false],
    ['DCOM event code', { EventCode: '10016' }, false],
    ['process-create code', { EventCode: '1' }, false],
  ])('WMI filter with %s', (_name, change, expected) => {
    expect(evaluate(WMI_FILTER, { ...POSITIVE, ...change })).toBe(expected);
  });

  it.each([
    ['equals absent', 'User=*', false],
    ['not-equals absent', 'User!=SYSTEM', false],
    ['NOT equals absent', 'NOT User=SYSTEM', true],
    ['NOT star absent', 'NOT User=*', true],
    ['IN absent', 'User IN (SYSTEM, *)', false],
    ['relational absent', 'User>0', false],
  ])('absent field: %s', (_name, filter, expected) => {
    expect(evaluate(filter, POSITIVE)).toBe(expected);
  });

  it.each([
    ['not-equals other value', 'GrantedAccess!=0x1400', true],
    ['not-equals same value', 'GrantedAccess!=0x1FFFFF', false],
    ['NOT equals same value', 'NOT GrantedAccess=0x1fffff', false],
    ['star present', 'TargetImage=*', true],
  ])('present field: %s', (_name, filter, expected) => {
    expect(evaluate(filter, POSITIVE)).toBe(expected);
  });

  it.each([
    ['exact entry', String.raw`TargetImage IN ("C:\\Windows\\System32\\WHOAMI.exe")`, true],
    ['wildcard entry', String.raw`TargetImage IN ("*\\cmd.exe", "*\\whoami.exe")`, true],
    ['no entry matches', String.raw`TargetImage IN ("*\\cmd.exe", lsass.exe)`, false],
    ['unquoted entries', 'GrantedAccess IN (0x1478, 0x1FFFFF)', true],
  ])('IN list %s', (_name, filter, expected) => {
    expect(evaluate(filter, POSITIVE)).toBe(expected);
  });

  // Splunk's search command evaluates OR before AND: this reads EventCode=1 AND (dest=x OR GrantedAccess=…).
  it('applies OR before implicit AND', () => {
    expect(evaluate('EventCode=1 dest=nohost OR GrantedAccess=0x1fffff', POSITIVE)).toBe(false);
  });

  it('applies parentheses before OR', () => {
    expect(evaluate('(EventCode=1 dest=nohost) OR GrantedAccess=0x1fffff', POSITIVE)).toBe(true);
  });

  it.each([
    ['numeric greater', 'SourceProcessId>1000', true],
    ['numeric not string order', 'SourceProcessId>10000', false],
    ['numeric less-equal', 'SourceProcessId<=2440', true],
    ['numeric decimal literal', 'SourceProcessId<2440.5', true],
    ['string when not numeric', 'GrantedAccess>0x1', true],
    ['string order', 'GrantedAccess<0x1', false],
    ['string against number', 'dest>100', true],
  ])('relational %s', (_name, filter, expected) => {
    expect(evaluate(filter, POSITIVE)).toBe(expected);
  });

  it('compares field names case-sensitively', () => {
    expect(evaluate('eventcode=10', POSITIVE)).toBe(false);
  });

  it('evaluates three-way OR', () => {
    expect(evaluate('EventCode=1 OR EventCode=3 OR EventCode=10', POSITIVE)).toBe(true);
  });

  it('evaluates three-way AND', () => {
    expect(evaluate('EventCode=10 AND dest=workstation6* AND NOT TargetImage=*cmd.exe', POSITIVE)).toBe(true);
  });

  it('stops AND at first false', () => {
    const read: string[] = [];
    const lookup: FieldLookup = (field) => {
      read.push(field);
      return POSITIVE[field];
    };
    compileFilter(`EventCode=1 ${WMI_FILTER}`)(lookup);
    expect(read).toEqual(['EventCode']);
  });
});
