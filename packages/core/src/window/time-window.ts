import type { WindowSettings } from '../detection/detection';
import { MICROS_PER_SECOND } from './epoch-micros';

/** A tumbling window [start, end) in epoch seconds. */
export interface TimeWindow {
  start: number;
  end: number;
}

/**
 * Throws a RangeError unless size is a positive whole number of seconds, offset a whole
 * number of seconds and grace a non-negative whole number of seconds.
 */
export function validateWindowSettings(settings: WindowSettings): void {
  const { size, offset, grace } = settings;
  if (!Number.isSafeInteger(size) || size <= 0) {
    throw new RangeError(`invalid window size ${size}: set it to a positive whole number of seconds, e.g. 3600`);
  }
  if (!Number.isSafeInteger(offset)) {
    throw new RangeError(`invalid window offset ${offset}: set it to a whole number of seconds, e.g. 3000`);
  }
  if (!Number.isSafeInteger(grace) || grace < 0) {
    throw new RangeError(`invalid window grace ${grace}: set it to a whole number of seconds >= 0, e.g. 600`);
  }
}

/**
 * Returns the tumbling window that contains `timeMicros` (epoch microseconds). The start is
 * inclusive, so an event exactly on a boundary belongs to the window that starts there.
 */
export function windowOf(timeMicros: number, settings: WindowSettings): TimeWindow {
  if (!Number.isFinite(timeMicros)) {
    throw new RangeError(`invalid event time ${timeMicros}: expected finite epoch microseconds`);
  }
  const sizeMicros = settings.size * MICROS_PER_SECOND;
  const offsetMicros = settings.offset * MICROS_PER_SECOND;
  // The remainder is normalized into [0, size) so times before the epoch round down as well.
  const intoWindow = (((timeMicros - offsetMicros) % sizeMicros) + sizeMicros) % sizeMicros;
  const start = (timeMicros - intoWindow) / MICROS_PER_SECOND;
  return { start, end: start + settings.size };
}

/** Returns the epoch second at which the window stops accepting events: end + grace. */
export function closesAt(window: TimeWindow, settings: WindowSettings): number {
  return window.end + settings.grace;
}
