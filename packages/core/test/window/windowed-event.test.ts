import { eventIdentity } from '../../src/window/windowed-event';

const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

describe('eventIdentity', () => {
  test('same parts give same identity', () => {
    const first = eventIdentity('WKS-01', SYSMON, '81002', '2024-03-11T10:20:00.0000000Z');
    const second = eventIdentity('WKS-01', SYSMON, '81002', '2024-03-11T10:20:00.0000000Z');
    expect(first).toBe(second);
  });

  test.each([
    ['computer', ['WKS-02', SYSMON, '81002', '2024-03-11T10:20:00.0000000Z']],
    ['channel', ['WKS-01', 'Security', '81002', '2024-03-11T10:20:00.0000000Z']],
    ['record id', ['WKS-01', SYSMON, '81003', '2024-03-11T10:20:00.0000000Z']],
    ['time created', ['WKS-01', SYSMON, '81002', '2024-03-11T10:20:00.0000001Z']],
  ] as const)('differs by %s', (_part, [computer, channel, recordId, timeRaw]) => {
    const base = eventIdentity('WKS-01', SYSMON, '81002', '2024-03-11T10:20:00.0000000Z');
    expect(eventIdentity(computer, channel, recordId, timeRaw)).not.toBe(base);
  });

  test('parts cannot run together', () => {
    const joined = eventIdentity('a|b', 'c', '1', 't');
    const split = eventIdentity('a', 'b|c', '1', 't');
    expect(joined).not.toBe(split);
  });

  test('separator characters cannot shift', () => {
    expect(eventIdentity('a","b', 'c', '1', 't')).not.toBe(eventIdentity('a', 'b","c', '1', 't'));
  });
});
