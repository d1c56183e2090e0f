// Window closing for one Kafka partition. Rule (a) closes a window once the watermark (the max event
// time seen) reaches end + grace. It follows event time, so live input and replays close in order.
// Rule (b) closes windows whose end + grace has passed on the wall clock, but only after the partition
// has been idle for the idle timeout. It covers live input that went quiet and the tail of a replay.
// Trade-offs: one event with a far-future TimeCreated (a skewed host clock) closes every earlier window
// at once. Rule (b) moves the horizon only to the newest window it closes, so replayed data older than that is late.
import type { WindowSettings } from '../detection/detection';
import { floorMicrosToSeconds } from './epoch-micros';
import { closesAt } from './time-window';
import type { TimeWindow } from './time-window';

/** The closing state that the aggregator stores per partition. */
export interface CloseState {
  /** Max event time seen in epoch microseconds, or -Infinity before the first event. */
  watermarkMicros: number;
  /** Epoch second that closes every window with end + grace <= horizon, or -Infinity before the first close. */
  horizon: number;
  /** Wall-clock time of the latest non-empty batch in epoch ms, or -Infinity before the first. */
  lastEventWallMs: number;
}

/**
 * Returns the state of a partition that has seen no events. NOTE: JSON writes -Infinity as null,
 * so store the fields as strings, which String and Number convert both ways.
 */
export function initialCloseState(): CloseState {
  return { watermarkMicros: -Infinity, horizon: -Infinity, lastEventWallMs: -Infinity };
}

/** Returns the state after a non-empty batch whose latest event time is `batchMaxTimeMicros`. */
export function advance(state: CloseState, batchMaxTimeMicros: number, nowMs: number): CloseState {
  return {
    ...state,
    watermarkMicros: Math.max(state.watermarkMicros, batchMaxTimeMicros),
    lastEventWallMs: nowMs,
  };
}

/**
 * Computes the new horizon in epoch seconds from rules (a) and (b). The result is never below
 * `state.horizon`. The caller stores it and then closes every open window that `isLate` reports.
 */
export function closeHorizon(
  state: CloseState,
  nowMs: number,
  idleTimeoutMs: number,
  openWindows: Iterable<TimeWindow>,
  settings: WindowSettings,
): number {
  // Close times are whole seconds, so flooring the watermark closes the same windows.
  const byEventTime = floorMicrosToSeconds(state.watermarkMicros);
  const isIdle = nowMs - state.lastEventWallMs >= idleTimeoutMs;
  const byWallClock = isIdle ? latestCloseTimeDue(openWindows, nowMs, settings) : -Infinity;
  return Math.max(state.horizon, byEventTime, byWallClock);
}

/** Returns true when the window has already closed, so events for it are late. */
export function isLate(window: TimeWindow, horizon: number, settings: WindowSettings): boolean {
  return closesAt(window, settings) <= horizon;
}

/** Returns the largest end + grace among the open windows that the wall clock has passed. */
function latestCloseTimeDue(openWindows: Iterable<TimeWindow>, nowMs: number, settings: WindowSettings): number {
  let latest = -Infinity;
  for (const window of openWindows) {
    const closeTime = closesAt(window, settings);
    if (closeTime * 1000 <= nowMs && closeTime > latest) {
      latest = closeTime;
    }
  }
  return latest;
}
