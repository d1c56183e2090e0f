import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileDetection } from '../../src/detection/compile-detection';
import type { Detection } from '../../src/detection/detection';
import { DetectionError } from '../../src/detection/detection-error';
import { parseDetection } from '../../src/detection/parse-detection';
import { processAccessEvent } from './support/process-access-event';

const DETECTION = parseDetection(
  readFileSync(join(__dirname, '../../../../detections/wmi-impersonate-token.yml'), 'utf8'),
);

function compileError(detection: Detection, exclusions: string[] = []): DetectionError {
  try {
    compileDetection(detection, { exclusions });
  } catch (error) {
    if (error instanceof DetectionError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected compileDetection to throw a DetectionError');
}

describe('compileDetection matches', () => {
  const compiled = compileDetection(DETECTION);

  it('accepts the positive event', () => {
    expect(compiled.matches(processAccessEvent())).toBe(true);
  });

  it.each([
    ['Security channel', processAccessEvent({}, { channel: 'Security' })],
    ['Setup channel', processAccessEvent({}, { channel: 'Setup' })],
    ['null channel', processAccessEvent({}, { channel: null })],
    ['EventID 1', processAccessEvent({}, { eventId: 1 })],
    ['access 0x1400', processAccessEvent({ GrantedAccess: '0x1400' })],
    ['lsass source', processAccessEvent({ SourceImage: String.raw`C:\Windows\system32\lsass.exe` })],
  ])('rejects %s', (_name, event) => {
    expect(compiled.matches(event)).toBe(false);
  });

  it('compares channel case-insensitively', () => {
    expect(compiled.matches(processAccessEvent({}, { channel: 'microsoft-windows-sysmon/operational' }))).toBe(true);
  });

  it('matches with null by-field', () => {
    expect(compiled.matches(processAccessEvent({ CallTrace: '' }))).toBe(true);
  });
});

describe('compileDetection exclusions', () => {
  const compiled = compileDetection(DETECTION, {
    exclusions: [String.raw`TargetImage="*\\whoami.exe" dest=WORKSTATION6*`, 'GrantedAccess=0x1478'],
  });

  it('excludes first expression', () => {
    expect(compiled.excluded(processAccessEvent())).toBe(true);
  });

  it('excludes second expression', () => {
    expect(compiled.excluded(processAccessEvent({ TargetImage: 'x.exe', GrantedAccess: '0x1478' }))).toBe(true);
  });

  it('keeps unlisted event', () => {
    expect(compiled.excluded(processAccessEvent({ TargetImage: String.raw`C:\Windows\explorer.exe` }))).toBe(false);
  });

  it.each([
    ['matched', processAccessEvent({ TargetImage: String.raw`C:\Windows\explorer.exe` })],
    ['excluded', processAccessEvent()],
    ['ignored', processAccessEvent({}, { eventId: 8 })],
  ])('classifies %s', (outcome, event) => {
    expect(compiled.classify(event)).toBe(outcome);
  });

  it('excludes nothing by default', () => {
    expect(compileDetection(DETECTION).excluded(processAccessEvent())).toBe(false);
  });

  it('rejects field outside by-fields', () => {
    const error = compileError(DETECTION, ['TargetImage=x', 'count>5 User=SYSTEM']);
    expect(error.code).toBe('EXCLUSION_INVALID');
    expect(error.issues.map((issue) => [issue.path, issue.value])).toEqual([
      ['exclusions[1]', 'count'],
      ['exclusions[1]', 'User'],
    ]);
  });

  it('reports every bad exclusion', () => {
    const error = compileError(DETECTION, ['dest=', 'ok=1', 'dest=a']);
    expect(error.issues.map((issue) => issue.path)).toEqual(['exclusions[0]', 'exclusions[1]']);
  });

  it('rejects invalid main filter', () => {
    const error = compileError({ ...DETECTION, filter: 'EventCode=10 |' });
    expect(error.code).toBe('DETECTION_INVALID');
  });
});

describe('compileDetection groupValues', () => {
  it('reads by-fields in order', () => {
    expect(compileDetection(DETECTION).groupValues(processAccessEvent())).toEqual([
      String.raw`C:\windows\system32\wbem\wmiprvse.exe`,
      String.raw`C:\windows\system32\whoami.exe`,
      '{37c5a1b2-2c74-5f85-3203-000000000400}',
      '{37c5a1b2-2c74-5f85-3303-000000000400}',
      '2440',
      '6440',
      '0x1fffff',
      String.raw`C:\windows\SYSTEM32\ntdll.dll+9d8e4|C:\windows\System32\KERNELBASE.dll+59e1a`,
      'WORKSTATION6.theshire.local',
    ]);
  });
});
