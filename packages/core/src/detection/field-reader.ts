import type { DetectionIssue } from './detection-error';

type Mapping = Record<string, unknown>;

/** The path reported for a problem with the document as a whole. */
const DOCUMENT = '(document)';

/**
 * Reads typed values out of parsed YAML and records a DetectionIssue for each missing or
 * invalid one instead of stopping, so the caller can report every problem together. Each
 * read returns a placeholder after recording an issue, so callers need no branches.
 */
export class FieldReader {
  readonly issues: DetectionIssue[] = [];
  // Above zero while reading inside a missing mapping, whose fields would only repeat its issue.
  private mutedDepth = 0;

  report(path: string, value: unknown, expected: string): void {
    if (this.mutedDepth === 0) {
      this.issues.push({ path, value, expected });
    }
  }

  /**
   * True when an issue was reported at `path`, inside it (`byFields[2]` for `byFields`) or on a
   * mapping that contains it (`risk` or the whole document for `risk.score`).
   */
  hasIssue(path: string): boolean {
    return this.issues.some(
      (issue) => issue.path === DOCUMENT || isWithin(issue.path, path) || isWithin(path, issue.path),
    );
  }

  /**
   * Reads a mapping with `read`, reporting keys outside `allowed` because they are most often
   * typos. A value that is not a mapping is reported once and its fields are not reported.
   */
  section<T>(value: unknown, path: string, allowed: readonly string[], read: (mapping: Mapping) => T): T {
    if (isMapping(value)) {
      this.reportUnknownKeys(value, path, allowed);
      return read(value);
    }
    this.report(path || DOCUMENT, value, `a mapping with the keys ${allowed.join(', ')}`);
    this.mutedDepth += 1;
    try {
      return read({});
    } finally {
      this.mutedDepth -= 1;
    }
  }

  private reportUnknownKeys(mapping: Mapping, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(mapping)) {
      if (!allowed.includes(key)) {
        this.report(join(path, key), mapping[key], `no such field; the allowed keys are ${allowed.join(', ')}`);
      }
    }
  }

  text(parent: Mapping, key: string, path: string): string {
    const value = parent[key];
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(join(path, key), value, 'a non-empty string');
      return '';
    }
    return value;
  }

  /** Reads text that must match `pattern`, described to the user as `expected`. */
  matching(parent: Mapping, key: string, path: string, pattern: RegExp, expected: string): string {
    const value = parent[key];
    if (typeof value !== 'string' || !pattern.test(value)) {
      this.report(join(path, key), value, expected);
      return '';
    }
    return value;
  }

  oneOf<T extends string>(parent: Mapping, key: string, path: string, allowed: readonly T[]): T | '' {
    const value = parent[key];
    if (!allowed.includes(value as T)) {
      this.report(join(path, key), value, `one of ${allowed.join(', ')}`);
      return '';
    }
    return value as T;
  }

  /** Reads an integer from `min` to `max`; with no `max` the value has no upper bound. */
  integer(parent: Mapping, key: string, path: string, min: number, max = Number.POSITIVE_INFINITY): number {
    const value = parent[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.POSITIVE_INFINITY ? `of at least ${min}` : `from ${min} to ${max}`;
      this.report(join(path, key), value, `an integer ${range}`);
      return min;
    }
    return value;
  }

  /** Reads a list of strings, each non-empty and unique; `allowEmpty` permits `[]`. */
  textList(parent: Mapping, key: string, path: string, allowEmpty: boolean): string[] {
    const value = parent[key];
    const listPath = join(path, key);
    if (!Array.isArray(value) || (!allowEmpty && value.length === 0)) {
      this.report(listPath, value, allowEmpty ? 'a list of strings' : 'a list of at least one string');
      return [];
    }
    return value.filter((item: unknown, index) => this.checkListItem(item, index, value, listPath));
  }

  private checkListItem(item: unknown, index: number, list: unknown[], listPath: string): item is string {
    const itemPath = `${listPath}[${index}]`;
    if (typeof item !== 'string' || item.trim() === '') {
      this.report(itemPath, item, 'a non-empty string');
      return false;
    }
    if (list.indexOf(item) !== index) {
      this.report(itemPath, item, `a value not already listed at ${listPath}[${list.indexOf(item)}]`);
      return false;
    }
    return true;
  }
}

// True when `inner` is `outer` or a field or list item below it.
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
