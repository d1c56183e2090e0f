import { formatIsoUtc, formatTimestamp, validateTimeZone } from '../../src/risk/time-format';

const POSITIVE_MICROS = Date.UTC(2020, 7, 6, 7, 56, 41, 439) * 1000;

describe('formatTimestamp', () => {
  test.each([
    ['UTC', POSITIVE_MICROS, 'UTC', '2020-08-06T07:56:41'],
    ['fraction dropped', Date.UTC(2024, 2, 11, 10, 49, 59, 999) * 1000 + 999, 'UTC', '2024-03-11T10:49:59'],
    ['midnight is hour 00', Date.UTC(2024, 2, 11) * 1000, 'UTC', '2024-03-11T00:00:00'],
    ['1 µs before epoch', -1, 'UTC', '1969-12-31T23:59:59'],
    ['year below 1000', Date.UTC(999, 0, 2) * 1000, 'UTC', '0999-01-02T00:00:00'],
    ['Berlin summer time', POSITIVE_MICROS, 'Europe/Berlin', '2020-08-06T09:56:41'],
    ['New York summer time', POSITIVE_MICROS, 'America/New_York', '2020-08-06T03:56:41'],
    ['half-hour offset', POSITIVE_MICROS, 'Asia/Kolkata', '2020-08-06T13:26:41'],
    ['date changes', Date.UTC(2020, 7, 6, 23, 30) * 1000, 'Asia/Tokyo', '2020-08-07T08:30:00'],
  ])('%s', (_case, micros, timeZone, text) => {
    expect(formatTimestamp(micros, timeZone)).toBe(text);
  });

  test('rejects invalid zone', () => {
    expect(() => formatTimestamp(POSITIVE_MICROS, 'Mars/Base')).toThrow(/invalid time zone "Mars\/Base"/);
  });
});

describe('validateTimeZone', () => {
  test.each(['UTC', 'Europe/Berlin', 'America/New_York'])('accepts %s', (timeZone) => {
    expect(() => validateTimeZone(timeZone)).not.toThrow();
  });

  test.each(['', 'Mars/Base', '+01:00'])('rejects %p', (timeZone) => {
    expect(() => validateTimeZone(timeZone)).toThrow(RangeError);
  });

  test('keeps the cause', () => {
    let caught: unknown;
    try {
      validateTimeZone('Mars/Base');
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).cause).toBeInstanceOf(RangeError);
  });
});

describe('formatIsoUtc', () => {
  test.each([
    ['window start', Date.UTC(2020, 7, 6, 6, 50) / 1000, '2020-08-06T06:50:00Z'],
    ['before epoch', Date.UTC(1969, 11, 31, 23, 50) / 1000, '1969-12-31T23:50:00Z'],
    ['fraction kept', 1.5, '1970-01-01T00:00:01.500Z'],
  ])('%s', (_case, seconds, text) => {
    expect(formatIsoUtc(seconds)).toBe(text);
  });
});
