/**
 * Counts of one scan, printed on stderr at the end. `matched` counts events that passed the
 * filter and no exclusion. The drop, time and late counters are subsets of `matched`.
 */
export interface ScanSummary {
  /** Event messages read from the files, one per event that the splitter found. */
  eventsRead: number;
  /** Records parsed from the messages. A message with an `<Events>` wrapper can contain several. */
  normalized: number;
  /** Rejected messages by EventXmlError or EnvelopeError code, such as `malformed-xml`. */
  rejected: Record<string, number>;
  matched: number;
  excluded: number;
  /** Matched events dropped because at least one by-field is absent or empty, as `stats … by` drops them. */
  missingByField: number;
  /** Matched events dropped per absent or empty by-field. One event counts under each field it lacks. */
  missingByFieldNames: Record<string, number>;
  /** Matched events dropped because TimeCreated is absent or unparseable, so they belong to no window. */
  invalidTime: number;
  /** Matched events whose window had already closed by the watermark. */
  late: number;
  /** Closed windows with at least one group. */
  windows: number;
  riskEvents: number;
}

export function emptyScanSummary(): ScanSummary {
  return {
    eventsRead: 0,
    normalized: 0,
    rejected: {},
    matched: 0,
    excluded: 0,
    missingByField: 0,
    missingByFieldNames: {},
    invalidTime: 0,
    late: 0,
    windows: 0,
    riskEvents: 0,
  };
}

/** Adds one to `counts[key]`, starting from zero. */
export function incrementCount(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Formats the summary as aligned `name  value` lines, each ending in a newline. */
export function formatScanSummary(summary: ScanSummary): string {
  const rejectedTotal = Object.values(summary.rejected).reduce((sum, count) => sum + count, 0);
  const rows: [string, string][] = [
    ['events read', String(summary.eventsRead)],
    ['normalized', String(summary.normalized)],
    ['rejected', withBreakdown(rejectedTotal, summary.rejected)],
    ['matched', String(summary.matched)],
    ['excluded', String(summary.excluded)],
    ['dropped, missing by-field', withBreakdown(summary.missingByField, summary.missingByFieldNames)],
    ['dropped, invalid time', String(summary.invalidTime)],
    ['late', String(summary.late)],
    ['windows', String(summary.windows)],
    ['risk events', String(summary.riskEvents)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `scan: ${name.padEnd(width)}  ${value}\n`).join('');
}

/** Writes `total (key count, …)` with keys in sorted order, or only the total when it is zero. */
function withBreakdown(total: number, counts: Record<string, number>): string {
  const keys = Object.keys(counts).sort();
  if (keys.length === 0) {
    return String(total);
  }
  const parts = keys.map((key) => `${key} ${counts[key]}`);
  return `${total} (${parts.join(', ')})`;
}
