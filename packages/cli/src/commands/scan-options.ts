import { InvalidArgumentError } from 'commander';
import { validateTimeZone } from '@riskstream/core';

/**
 * Creates a commander parser for a whole number from `min` to `max`, in `unit`. Digits only, so
 * "1e3", "-5", "0x10" and "12.5" are rejected instead of being read as numbers.
 */
export function wholeNumberOption(unit: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`Expected a whole number of ${unit} ${range}, got ${JSON.stringify(value)}.`);
    }
    return parsed;
  };
}

/** Parses an IANA time zone name, rejecting one that Intl.DateTimeFormat does not know. */
export function timeZoneOption(value: string): string {
  try {
    validateTimeZone(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
  return value;
}
