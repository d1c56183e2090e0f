/** A matched event reduced to what the window aggregation needs. */
export interface WindowedEvent {
  /** The search's by-field values in SPL order, none absent or empty. */
  groupValues: string[];
  /** Deduplication key from `eventIdentity`. */
  identity: string;
  /** TimeCreated in epoch microseconds (UTC). */
  timeMicros: number;
}

/**
 * Builds the deduplication key of one event record. Record ids recur across hosts, channels
 * and snapshot reverts, so the key joins all four parts; JSON keeps the join unambiguous.
 */
export function eventIdentity(computer: string, channel: string, recordId: string, timeRaw: string): string {
  return JSON.stringify([computer, channel, recordId, timeRaw]);
}
