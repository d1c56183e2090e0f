import { readFileSync } from 'node:fs';

/** One invalid or missing variable, with what to set instead. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** Raised once with every bad variable, so an operator can fix them all in one go. */
export class ConfigError extends Error {
  readonly code = 'invalid-config';

  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads environment variables and collects every problem instead of stopping at the first.
 * Each variable `NAME` may instead be given as `NAME_FILE`, the path of a file whose contents
 * are the value, which is how Kubernetes mounts secrets. A trailing newline is removed.
 */
export class EnvReader {
  private readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Returns the raw value, or undefined when neither NAME nor NAME_FILE is set or it is empty. */
  raw(name: string): string | undefined {
    const filePath = this.env[`${name}_FILE`];
    if (filePath) {
      try {
        return readFileSync(filePath, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        this.fail(`${name}_FILE`, `cannot read ${filePath}: ${(error as Error).message}`);
        return undefined;
      }
    }
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  requiredString(name: string, hint: string): string {
    const value = this.raw(name);
    if (value === undefined) this.fail(name, `missing: set it to ${hint}`);
    return value ?? '';
  }

  integer(name: string, fallback: number, limits: { min?: number; max?: number } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = limits;
    if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) {
      this.fail(name, `invalid value ${JSON.stringify(value)}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  list(name: string, fallback: string[]): string[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.fail(name, `invalid value ${JSON.stringify(value)}: expected true or false`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.fail(name, `invalid value ${JSON.stringify(value)}: expected one of ${allowed.join(', ')}`);
    return fallback;
  }

  fail(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }

  /** Throws a ConfigError listing every problem found so far. */
  done(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}
