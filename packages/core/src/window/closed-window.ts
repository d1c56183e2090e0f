import type { TimeWindow } from './time-window';

/** One stats group of a window: the by-field values and the aggregates over its events. */
export interface WindowGroup {
  /** By-field values in SPL order. */
  values: string[];
  /** Distinct event identities counted in this window. */
  count: number;
  /** Earliest event time in epoch microseconds. */
  minMicros: number;
  /** Latest event time in epoch microseconds. */
  maxMicros: number;
}

/** A window that accepts no more events, with its groups ordered by `groupKey`. */
export interface ClosedWindow {
  window: TimeWindow;
  groups: WindowGroup[];
}
