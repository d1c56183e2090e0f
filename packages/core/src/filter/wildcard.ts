/** Tests a value that the caller has already lowercased. */
export type LowercaseMatcher = (lowered: string) => boolean;

/**
 * Compiles an SPL value pattern to a case-insensitive matcher. `*` matches any run of characters,
 * including none, and the pattern is anchored at both ends, as in Splunk's `field=value`.
 * Every shape uses string methods. Patterns with inner `*` scan left to right in linear time, so
 * long CallTrace values cannot trigger regex backtracking.
 */
export function compileWildcard(pattern: string): LowercaseMatcher {
  const parts = pattern.toLowerCase().split('*');
  if (parts.length === 1) {
    const exact = parts[0] as string;
    return (lowered) => lowered === exact;
  }
  if (parts.every((part) => part === '')) {
    return () => true;
  }
  return compileSegments(parts);
}

/** True when `*` occurs in the value, which makes it a pattern rather than an exact value. */
export function hasWildcard(value: string): boolean {
  return value.includes('*');
}

// `parts` come from splitting on `*`, so there are at least two and the first and last
// are the anchored prefix and suffix.
function compileSegments(parts: string[]): LowercaseMatcher {
  const prefix = parts[0] as string;
  const suffix = parts[parts.length - 1] as string;
  const middle = parts.slice(1, -1).filter((part) => part !== '');
  if (middle.length === 0) {
    return compilePrefixSuffix(prefix, suffix);
  }
  if (middle.length === 1 && prefix === '' && suffix === '') {
    const needle = middle[0] as string;
    return (lowered) => lowered.includes(needle);
  }
  return compileSequence(prefix, middle, suffix);
}

function compilePrefixSuffix(prefix: string, suffix: string): LowercaseMatcher {
  if (prefix === '') {
    return (lowered) => lowered.endsWith(suffix);
  }
  if (suffix === '') {
    return (lowered) => lowered.startsWith(prefix);
  }
  const minLength = prefix.length + suffix.length;
  return (lowered) => lowered.length >= minLength && lowered.startsWith(prefix) && lowered.endsWith(suffix);
}

// Taking each middle segment at its leftmost fit is enough for `*`-only globs: any later fit
// leaves less room for the segments after it.
function compileSequence(prefix: string, middle: string[], suffix: string): LowercaseMatcher {
  const minLength = prefix.length + suffix.length + middle.reduce((sum, part) => sum + part.length, 0);
  return (lowered) => {
    if (lowered.length < minLength || !lowered.startsWith(prefix) || !lowered.endsWith(suffix)) {
      return false;
    }
    const end = lowered.length - suffix.length;
    let from = prefix.length;
    for (const part of middle) {
      const at = lowered.indexOf(part, from);
      if (at < 0 || at + part.length > end) {
        return false;
      }
      from = at + part.length;
    }
    return true;
  };
}
