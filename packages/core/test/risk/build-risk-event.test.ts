import { buildRiskEvent, buildRiskEvents } from '../../src/risk/build-risk-event';
import type { WindowGroup } from '../../src/window/closed-window';
import { GRUNT_VALUES, wmiImpersonationDetection } from './detection-fixture';

const WINDOW = { start: Date.UTC(2020, 7, 6, 7, 50) / 1000, end: Date.UTC(2020, 7, 6, 8, 50) / 1000 };
const GROUP: WindowGroup = {
  values: GRUNT_VALUES,
  count: 2,
  minMicros: Date.UTC(2020, 7, 6, 7, 56, 41, 439) * 1000,
  maxMicros: Date.UTC(2020, 7, 6, 8, 12, 3, 0) * 1000 + 7,
};

describe('buildRiskEvent', () => {
  test('real positive, UTC', () => {
    expect(buildRiskEvent(wmiImpersonationDetection(), WINDOW, GROUP)).toEqual({
      id: '622c8f52b0f9b699f47aca81b342215561a8a2c0e4f262987f0eaf38db1a3600',
      search_name: 'ESCU - Windows WMI Impersonate Token - Rule',
      detection_id: '3b6e4a52-1d0f-4c7e-9a8b-0c1d2e3f4a5b',
      risk_object: 'WORKSTATION6.theshire.local',
      risk_object_type: 'system',
      risk_score: 25,
      impact: 50,
      confidence: 50,
      risk_message:
        'C:\\windows\\system32\\wbem\\wmiprvse.exe on WORKSTATION6.theshire.local opened ' +
        'C:\\Windows\\System32\\GruntHTTP2.exe with access 0x1fffff',
      annotations: { mitre_attack: ['T1047'] },
      analyticstories: ['Suspicious WMI Use'],
      SourceImage: 'C:\\windows\\system32\\wbem\\wmiprvse.exe',
      TargetImage: 'C:\\Windows\\System32\\GruntHTTP2.exe',
      SourceProcessGUID: '{49a15388-b7b9-5f2b-8504-000000000400}',
      TargetProcessGUID: '{49a15388-b7b9-5f2b-8604-000000000400}',
      SourceProcessId: '3460',
      TargetProcessId: '3824',
      GrantedAccess: '0x1fffff',
      CallTrace: 'C:\\windows\\SYSTEM32\\ntdll.dll+9d8e4|C:\\windows\\System32\\KERNELBASE.dll+5f36a',
      dest: 'WORKSTATION6.theshire.local',
      count: 2,
      firstTime: '2020-08-06T07:56:41',
      lastTime: '2020-08-06T08:12:03',
      first_time_epoch: 1596700601.439,
      last_time_epoch: 1596701523.000007,
      window_start: '2020-08-06T07:50:00Z',
      window_end: '2020-08-06T08:50:00Z',
      _time: Date.UTC(2020, 7, 6, 9, 0) / 1000,
    });
  });

  test('time zone applies to firstTime', () => {
    const event = buildRiskEvent(wmiImpersonationDetection(), WINDOW, GROUP, { timeZone: 'Europe/Berlin' });
    expect(event.firstTime).toBe('2020-08-06T09:56:41');
  });

  test('time zone leaves window UTC', () => {
    const event = buildRiskEvent(wmiImpersonationDetection(), WINDOW, GROUP, { timeZone: 'Europe/Berlin' });
    expect(event.window_start).toBe('2020-08-06T07:50:00Z');
  });

  test('by-field order follows detection', () => {
    const detection = wmiImpersonationDetection();
    detection.byFields.reverse();
    const event = buildRiskEvent(detection, WINDOW, { ...GROUP, values: [...GRUNT_VALUES].reverse() });
    expect(event.dest).toBe('WORKSTATION6.theshire.local');
  });

  test('message with stats fields', () => {
    const detection = wmiImpersonationDetection();
    detection.risk.messageTemplate = '$count$ on $dest$ from $firstTime$ to $lastTime$';
    expect(buildRiskEvent(detection, WINDOW, GROUP).risk_message).toBe(
      '2 on WORKSTATION6.theshire.local from 2020-08-06T07:56:41 to 2020-08-06T08:12:03',
    );
  });

  test('same input, same id', () => {
    const first = buildRiskEvent(wmiImpersonationDetection(), WINDOW, GROUP);
    const again = buildRiskEvent(wmiImpersonationDetection(), WINDOW, { ...GROUP, count: 3 });
    expect(again.id).toBe(first.id);
  });

  test('rejects wrong value count', () => {
    const group = { ...GROUP, values: GRUNT_VALUES.slice(1) };
    expect(() => buildRiskEvent(wmiImpersonationDetection(), WINDOW, group)).toThrow(/group has 8 values/);
  });

  test('rejects invalid time zone', () => {
    const build = (): unknown => buildRiskEvent(wmiImpersonationDetection(), WINDOW, GROUP, { timeZone: 'CEST' });
    expect(build).toThrow(/invalid time zone "CEST"/);
  });

  test('rejects invalid detection', () => {
    const detection = wmiImpersonationDetection();
    detection.risk.messageTemplate = '$user$';
    expect(() => buildRiskEvent(detection, WINDOW, GROUP)).toThrow(/unknown placeholder \$user\$/);
  });
});

describe('buildRiskEvents', () => {
  test('one event per group', () => {
    const other = { ...GROUP, values: GRUNT_VALUES.map((value, index) => (index === 5 ? '9999' : value)) };
    const events = buildRiskEvents(wmiImpersonationDetection(), { window: WINDOW, groups: [GROUP, other] });
    expect(events.map((event) => event.TargetProcessId)).toEqual(['3824', '9999']);
  });
});
