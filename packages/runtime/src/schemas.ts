import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a schema file (`.avsc` or `.schema.json`) from the @riskstream/schemas package. */
export function loadSchema(fileName: string): unknown {
  const directory = path.dirname(require.resolve('@riskstream/schemas/package.json'));
  const filePath = path.join(directory, fileName);
  try {
    return JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`cannot load schema ${filePath}: ${(error as Error).message}`, { cause: error });
  }
}
