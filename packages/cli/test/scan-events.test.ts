import { scanFiles } from '../src/commands/scan';
import { accessEventXml, removeTempFiles, writeTempFile, type AccessEventFields } from './access-event-xml';

// Small hand-written inputs for each way a scan counts or drops an event. With the detection's
// windows (3600 s starting at :50, 600 s grace), 2026-01-05T09:50 starts a window that closes at 11:00.

afterAll(removeTempFiles);

function access(time: string, recordId: number, fields: Partial<AccessEventFields> = {}): string {
  return accessEventXml({ time, recordId, ...fields });
}

describe('scan lateness', () => {
  test('event after close is late', async () => {
    const file = writeTempFile('late.xml', [
      access('2026-01-05T10:00:00.0000000Z', 1),
      access('2026-01-05T11:01:00.0000000Z', 2),
      access('2026-01-05T10:30:00.0000000Z', 3),
    ]);
    const { summary } = await scanFiles([file]);
    expect(summary.late).toBe(1);
  });

  test('late event is not counted', async () => {
    const file = writeTempFile('late.xml', [
      access('2026-01-05T10:00:00.0000000Z', 1),
      access('2026-01-05T11:01:00.0000000Z', 2),
      access('2026-01-05T10:30:00.0000000Z', 3),
    ]);
    const { riskEvents } = await scanFiles([file]);
    expect(riskEvents.map((event) => event.count)).toEqual([1, 1]);
  });

  test('event within grace counts', async () => {
    const file = writeTempFile('grace.xml', [
      access('2026-01-05T10:00:00.0000000Z', 1),
      access('2026-01-05T10:59:59.0000000Z', 2),
      access('2026-01-05T10:40:00.0000000Z', 3),
    ]);
    const { riskEvents } = await scanFiles([file]);
    expect(riskEvents.map((event) => event.count)).toEqual([2, 1]);
  });

  test('--grace 0 makes it late', async () => {
    const file = writeTempFile('grace.xml', [
      access('2026-01-05T10:00:00.0000000Z', 1),
      access('2026-01-05T10:59:59.0000000Z', 2),
      access('2026-01-05T10:40:00.0000000Z', 3),
    ]);
    const { summary } = await scanFiles([file], { grace: 0 });
    expect(summary.late).toBe(1);
  });
});

describe('scan counting', () => {
  test('redelivered record counts once', async () => {
    const event = access('2026-01-05T10:00:00.1234567Z', 7);
    const file = writeTempFile('twice.xml', [event, event]);
    const { riskEvents } = await scanFiles([file]);
    expect(riskEvents[0]?.count).toBe(1);
  });

  test('rejects by error code', async () => {
    const broken = access('2026-01-05T10:00:00.0000000Z', 1).replace('</Data>', '');
    const noEventId = access('2026-01-05T10:00:00.0000000Z', 2).replace('<EventID>10</EventID>', '');
    const file = writeTempFile('bad.xml', [broken, noEventId, access('2026-01-05T10:00:01.0000000Z', 3)]);
    const { summary } = await scanFiles([file]);
    expect(summary.rejected).toEqual({ 'malformed-xml': 1, 'missing-event-id': 1 });
  });

  test('rejected events are not fatal', async () => {
    const broken = access('2026-01-05T10:00:00.0000000Z', 1).replace('</Data>', '');
    const file = writeTempFile('bad.xml', [broken, access('2026-01-05T10:00:01.0000000Z', 3)]);
    const { riskEvents } = await scanFiles([file]);
    expect(riskEvents).toHaveLength(1);
  });

  test('oversized event is rejected', async () => {
    const long = access('2026-01-05T10:00:00.0000000Z', 1, { callTrace: 'x'.repeat(2000) });
    const file = writeTempFile('long.xml', [long]);
    const { summary } = await scanFiles([file], { maxMessageBytes: 1024 });
    expect(summary.rejected).toEqual({ oversized: 1 });
  });

  test('drops missing by-fields by name', async () => {
    const file = writeTempFile('missing.xml', [
      access('2026-01-05T10:00:00.0000000Z', 1, { callTrace: '' }),
      access('2026-01-05T10:00:01.0000000Z', 2, { callTrace: null }),
      access('2026-01-05T10:00:02.0000000Z', 3, { callTrace: null, targetImage: '' }),
    ]);
    const { summary } = await scanFiles([file]);
    expect(summary.missingByFieldNames).toEqual({ CallTrace: 3, TargetImage: 1 });
  });

  test('counts dropped events once', async () => {
    const file = writeTempFile('missing.xml', [
      access('2026-01-05T10:00:02.0000000Z', 3, { callTrace: null, targetImage: '' }),
    ]);
    const { summary } = await scanFiles([file]);
    expect(summary.missingByField).toBe(1);
  });

  test('drops invalid TimeCreated', async () => {
    const file = writeTempFile('time.xml', [access('2026-13-05T10:00:00.0000000Z', 1)]);
    const { summary } = await scanFiles([file]);
    expect(summary.invalidTime).toBe(1);
  });

  test('ignores other channels', async () => {
    const file = writeTempFile('setup.xml', [access('2026-01-05T10:00:00.0000000Z', 1, { channel: 'Setup' })]);
    const { summary } = await scanFiles([file]);
    expect(summary.matched).toBe(0);
  });

  test('applies exclusions file', async () => {
    const exclusions = writeTempFile('exclusions.txt', ['# known admin script', '', 'TargetImage="*\\\\cmd.exe"']);
    const file = writeTempFile('events.xml', [
      access('2026-01-05T10:00:00.0000000Z', 1),
      access('2026-01-05T10:00:01.0000000Z', 2, { targetImage: 'C:\\Windows\\System32\\net.exe' }),
    ]);
    const { summary } = await scanFiles([file], { exclusionsFile: exclusions });
    expect(summary.excluded).toBe(1);
  });
});

describe('scan output', () => {
  test('orders by window, then group', async () => {
    const file = writeTempFile('order.xml', [
      access('2026-01-05T10:55:00.0000000Z', 1, { computer: 'WKS-A' }),
      access('2026-01-05T10:10:00.0000000Z', 2, { computer: 'WKS-C' }),
      access('2026-01-05T10:10:01.0000000Z', 3, { computer: 'WKS-B' }),
    ]);
    const { riskEvents } = await scanFiles([file]);
    expect(riskEvents.map((event) => [event.window_start, event.dest])).toEqual([
      ['2026-01-05T09:50:00Z', 'WKS-B'],
      ['2026-01-05T09:50:00Z', 'WKS-C'],
      ['2026-01-05T10:50:00Z', 'WKS-A'],
    ]);
  });

  test('time zone sets firstTime', async () => {
    const file = writeTempFile('zone.xml', [access('2026-01-05T10:00:00.0000000Z', 1)]);
    const { riskEvents } = await scanFiles([file], { timeZone: 'Europe/Berlin' });
    expect(riskEvents[0]?.firstTime).toBe('2026-01-05T11:00:00');
  });

  test('window options set window_start', async () => {
    const file = writeTempFile('window.xml', [access('2026-01-05T10:00:00.0000000Z', 1)]);
    const { riskEvents } = await scanFiles([file], { windowSize: 900, windowOffset: 0 });
    expect(riskEvents[0]?.window_start).toBe('2026-01-05T10:00:00Z');
  });

  test('window options set _time', async () => {
    const file = writeTempFile('window.xml', [access('2026-01-05T10:00:00.0000000Z', 1)]);
    const { riskEvents } = await scanFiles([file], { windowSize: 900, windowOffset: 0, grace: 60 });
    expect(riskEvents[0]?._time).toBe(Date.UTC(2026, 0, 5, 10, 16) / 1000);
  });
});
