/** Largest value of an Avro `int`. */
export const MAX_INT32 = 2_147_483_647;

/**
 * Parses unsigned decimal digits, as Windows renders UInt8 to UInt64 System values.
 * Returns null for anything else (sign, spaces, hex, empty text) or a value above `max`.
 */
export function parseDecimalInteger(text: string, max: number): number | null {
  if (text.length === 0) {
    return null;
  }
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) {
      return null;
    }
    value = value * 10 + digit;
  }
  // Past 2^53 the sum rounds, but it stays above any safe `max`, so the check below still holds.
  return value <= max ? value : null;
}
