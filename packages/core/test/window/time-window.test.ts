import { closesAt, validateWindowSettings, windowOf } from '../../src/window/time-window';

const HOURLY_AT_50 = { size: 3600, offset: 3000, grace: 600 };

describe('windowOf', () => {
  test.each([
    ['mid window', Date.UTC(2020, 7, 6, 7, 56, 41, 439) * 1000, Date.UTC(2020, 7, 6, 7, 50)],
    ['exactly on boundary', Date.UTC(2020, 7, 6, 6, 50) * 1000, Date.UTC(2020, 7, 6, 6, 50)],
    ['1 µs before boundary', Date.UTC(2020, 7, 6, 6, 50) * 1000 - 1, Date.UTC(2020, 7, 6, 5, 50)],
    ['at the epoch', 0, Date.UTC(1969, 11, 31, 23, 50)],
    ['boundary before epoch', Date.UTC(1969, 11, 31, 22, 50) * 1000, Date.UTC(1969, 11, 31, 22, 50)],
    ['1 µs before that', Date.UTC(1969, 11, 31, 22, 50) * 1000 - 1, Date.UTC(1969, 11, 31, 21, 50)],
    ['year 1900', Date.UTC(1900, 0, 1) * 1000, Date.UTC(1899, 11, 31, 23, 50)],
  ])('hourly at :50, %s', (_case, timeMicros, startMs) => {
    expect(windowOf(timeMicros, HOURLY_AT_50)).toEqual({ start: startMs / 1000, end: startMs / 1000 + 3600 });
  });

  test.each([
    [
      '15 min, no offset',
      { size: 900, offset: 0, grace: 0 },
      Date.UTC(2024, 2, 11, 10, 14, 59),
      Date.UTC(2024, 2, 11, 10),
    ],
    [
      'offset above size',
      { size: 3600, offset: 6600, grace: 0 },
      Date.UTC(2024, 2, 11, 10, 49, 59),
      Date.UTC(2024, 2, 11, 9, 50),
    ],
    [
      'negative offset',
      { size: 3600, offset: -600, grace: 0 },
      Date.UTC(2024, 2, 11, 10, 50),
      Date.UTC(2024, 2, 11, 10, 50),
    ],
  ])('other settings, %s', (_case, settings, timeMs, startMs) => {
    expect(windowOf(timeMs * 1000, settings).start).toBe(startMs / 1000);
  });

  test.each([NaN, Infinity, -Infinity])('rejects time %p', (timeMicros) => {
    expect(() => windowOf(timeMicros, HOURLY_AT_50)).toThrow(/invalid event time/);
  });
});

describe('closesAt', () => {
  test('end plus grace', () => {
    const window = { start: Date.UTC(2020, 7, 6, 6, 50) / 1000, end: Date.UTC(2020, 7, 6, 7, 50) / 1000 };
    expect(closesAt(window, HOURLY_AT_50)).toBe(Date.UTC(2020, 7, 6, 8, 0) / 1000);
  });
});

describe('validateWindowSettings', () => {
  test('accepts the defaults', () => {
    expect(() => validateWindowSettings(HOURLY_AT_50)).not.toThrow();
  });

  test.each([
    ['zero size', { size: 0, offset: 0, grace: 0 }, /invalid window size 0/],
    ['fractional size', { size: 0.5, offset: 0, grace: 0 }, /invalid window size 0.5/],
    ['fractional offset', { size: 60, offset: 1.5, grace: 0 }, /invalid window offset 1.5/],
    ['negative grace', { size: 60, offset: 0, grace: -1 }, /invalid window grace -1/],
    ['NaN grace', { size: 60, offset: 0, grace: NaN }, /invalid window grace NaN/],
  ])('rejects %s', (_case, settings, message) => {
    expect(() => validateWindowSettings(settings)).toThrow(message);
  });
});
