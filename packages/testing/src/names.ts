import { randomUUID } from 'node:crypto';

/** Returns a name no other test run uses, so tests can share one broker and one Redis. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}
