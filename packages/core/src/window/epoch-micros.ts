export const MICROS_PER_SECOND = 1_000_000;

/**
 * Rounds epoch microseconds down to the whole epoch second, also before 1970. Integer
 * remainder arithmetic keeps the result exact where a division would round. Non-finite values pass through.
 */
export function floorMicrosToSeconds(micros: number): number {
  if (!Number.isFinite(micros)) {
    return micros;
  }
  const intoSecond = ((micros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  return (micros - intoSecond) / MICROS_PER_SECOND;
}

/**
 * Converts epoch microseconds to epoch seconds with a fraction, e.g. 1596700601.439. Below
 * 2^32 s (year 2106) doubles are finer than 1 µs, so distinct microseconds stay distinct.
 */
export function microsToEpochSeconds(micros: number): number {
  return micros / MICROS_PER_SECOND;
}
