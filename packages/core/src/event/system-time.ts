// Windows renders SystemTime as `2019-03-17T19:37:11.661930400Z` (7 or 9 fraction digits) and
// python-evtx as `2019-03-17 19:37:11.661928`. The event schema defines SystemTime as UTC, so a
// value without a zone designator is read as UTC. Accepted: `YYYY-MM-DD`, `T` or a space,
// `hh:mm:ss`, an optional fraction of 1 to 9 digits, and an optional `Z` or `±hh:mm`.

const MICROS_PER_SECOND = 1_000_000;
const SECONDS_PER_DAY = 86_400;
const DATE_TIME_LENGTH = 19;
const MAX_FRACTION_DIGITS = 9;

/**
 * Parses a SystemTime value into microseconds since the Unix epoch, truncating finer digits.
 * Returns null for any other form, an impossible date or time (including leap second 60), or a
 * result outside the safe-integer range (after the year 2255).
 */
export function parseSystemTime(raw: string): number | null {
  if (raw.length < DATE_TIME_LENGTH || !hasDateTimeLayout(raw)) {
    return null;
  }
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 2);
  const day = digitsAt(raw, 8, 2);
  const hour = digitsAt(raw, 11, 2);
  const minute = digitsAt(raw, 14, 2);
  const second = digitsAt(raw, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
    return null;
  }
  if (!isValidDateTime(year, month, day, hour, minute, second)) {
    return null;
  }
  const tail = parseFractionAndZone(raw);
  if (tail === null) {
    return null;
  }
  const seconds = daysSinceEpoch(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  const micros = (seconds - tail.offsetSeconds) * MICROS_PER_SECOND + tail.micros;
  return Number.isSafeInteger(micros) ? micros : null;
}

function hasDateTimeLayout(raw: string): boolean {
  const separator = raw.charCodeAt(10);
  return (
    raw.charCodeAt(4) === 0x2d &&
    raw.charCodeAt(7) === 0x2d &&
    (separator === 0x54 || separator === 0x20) &&
    raw.charCodeAt(13) === 0x3a &&
    raw.charCodeAt(16) === 0x3a
  );
}

/** Reads `count` decimal digits at `start`. Returns -1 if any is not a digit. */
function digitsAt(raw: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = raw.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) {
      return -1;
    }
    value = value * 10 + digit;
  }
  return value;
}

function parseFractionAndZone(raw: string): { micros: number; offsetSeconds: number } | null {
  let pos = DATE_TIME_LENGTH;
  let micros = 0;
  if (raw.charCodeAt(pos) === 0x2e) {
    const start = pos + 1;
    pos = start;
    while (pos < raw.length && pos - start < MAX_FRACTION_DIGITS + 1 && isDigit(raw.charCodeAt(pos))) {
      pos++;
    }
    const digits = pos - start;
    if (digits === 0 || digits > MAX_FRACTION_DIGITS) {
      return null;
    }
    // Pad or cut to exactly six digits: microseconds, finer digits truncated.
    micros = digits >= 6 ? digitsAt(raw, start, 6) : digitsAt(raw, start, digits) * 10 ** (6 - digits);
  }
  const offsetSeconds = parseZone(raw, pos);
  return offsetSeconds === null ? null : { micros, offsetSeconds };
}

function parseZone(raw: string, pos: number): number | null {
  const remaining = raw.length - pos;
  if (remaining === 0 || (remaining === 1 && raw.charCodeAt(pos) === 0x5a)) {
    return 0;
  }
  const sign = raw.charCodeAt(pos);
  if (remaining !== 6 || (sign !== 0x2b && sign !== 0x2d) || raw.charCodeAt(pos + 3) !== 0x3a) {
    return null;
  }
  const hours = digitsAt(raw, pos + 1, 2);
  const minutes = digitsAt(raw, pos + 4, 2);
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) {
    return null;
  }
  return (sign === 0x2d ? -1 : 1) * (hours * 3600 + minutes * 60);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isValidDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return false;
  }
  return hour <= 23 && minute <= 59 && second <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Proleptic Gregorian day count. Shifting the year start to March puts the leap day last, so
// the day of the year follows from the month by a fixed formula, and 400-year eras repeat.
function daysSinceEpoch(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const daysFromEraZeroToEpoch = 719_468;
  return era * 146_097 + dayOfEra - daysFromEraZeroToEpoch;
}
