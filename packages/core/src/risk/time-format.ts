import { floorMicrosToSeconds } from '../window/epoch-micros';

// Building a formatter costs several times more than formatting with it, and one serves every event.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError unless Intl.DateTimeFormat accepts `timeZone`, e.g. UTC or Europe/Berlin. */
export function validateTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/**
 * Formats epoch microseconds as `%Y-%m-%dT%H:%M:%S` local to `timeZone` (IANA name). The
 * fraction of the second is dropped, as strftime drops it.
 */
export function formatTimestamp(epochMicros: number, timeZone: string): string {
  const date = new Date(floorMicrosToSeconds(epochMicros) * 1000);
  const parts = new Map<string, string>();
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    parts.set(part.type, part.value);
  }
  const year = (parts.get('year') ?? '').padStart(4, '0');
  const calendarDate = `${year}-${parts.get('month')}-${parts.get('day')}`;
  return `${calendarDate}T${parts.get('hour')}:${parts.get('minute')}:${parts.get('second')}`;
}

/** Formats whole epoch seconds as ISO 8601 UTC without a fraction, e.g. 2020-08-06T06:50:00Z. */
export function formatIsoUtc(epochSeconds: number): string {
  const iso = new Date(epochSeconds * 1000).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = createFormatter(timeZone);
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function createFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    // en-US with h23 gives ASCII digits and hours 00-23. The caller reassembles the parts in ISO order.
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch (error) {
    throw new RangeError(`invalid time zone "${timeZone}": use an IANA time zone name such as UTC or Europe/Berlin`, {
      cause: error,
    });
  }
}
