import { readFileSync } from 'node:fs';
import path from 'node:path';

// The .avsc files are read here because core itself has no file access.
const SCHEMA_DIR = path.resolve(__dirname, '../../../../schemas');

export function readSchema(name: 'windows-event.avsc' | 'windows-event.v1.avsc'): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;
}
