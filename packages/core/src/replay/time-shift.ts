// Shifts event times for replays. Only whole seconds are added, so fractional digits (7 or 9 in
// SystemTime, 3 in Sysmon's UtcTime fields) stay exactly as written.

const systemTimePattern = /(SystemTime=)(['"])(\d{4}-\d{2}-\d{2})([T ])(\d{2}:\d{2}:\d{2})/g;
const utcTimeDataPattern = /(<Data Name=(['"])\w*UtcTime\2>)(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})/g;

/** Returns the latest TimeCreated/@SystemTime in the event, in epoch seconds, or undefined. */
export function latestSystemTimeSeconds(xml: string): number | undefined {
  let latest: number | undefined;
  for (const match of xml.matchAll(systemTimePattern)) {
    const seconds = toEpochSeconds(match[3] as string, match[5] as string);
    if (latest === undefined || seconds > latest) latest = seconds;
  }
  return latest;
}

/** Adds `deltaSeconds` to SystemTime and to every `…UtcTime` Data value (Sysmon's own times). */
export function shiftEventTimes(xml: string, deltaSeconds: number): string {
  if (!Number.isInteger(deltaSeconds)) throw new RangeError(`deltaSeconds must be a whole number, got ${deltaSeconds}`);
  return xml
    .replace(
      systemTimePattern,
      (_all, attribute: string, quote: string, date: string, separator: string, time: string) => {
        const [newDate, newTime] = shifted(date, time, deltaSeconds);
        return `${attribute}${quote}${newDate}${separator}${newTime}`;
      },
    )
    .replace(utcTimeDataPattern, (_all, openTag: string, _quote: string, date: string, time: string) => {
      const [newDate, newTime] = shifted(date, time, deltaSeconds);
      return `${openTag}${newDate} ${newTime}`;
    });
}

function toEpochSeconds(date: string, time: string): number {
  return Date.parse(`${date}T${time}Z`) / 1000;
}

function shifted(date: string, time: string, deltaSeconds: number): [string, string] {
  const iso = new Date((toEpochSeconds(date, time) + deltaSeconds) * 1000).toISOString();
  return [iso.slice(0, 10), iso.slice(11, 19)];
}
