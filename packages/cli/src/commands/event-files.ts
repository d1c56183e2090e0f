import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EventSplitter } from '@riskstream/core';

/** Yields the events of each file in order, as XML strings, reading one line at a time. */
export async function* readEventFiles(paths: string[]): AsyncGenerator<{ path: string; xml: string }> {
  for (const path of paths) {
    const splitter = new EventSplitter();
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      for (const xml of splitter.push(line)) yield { path, xml };
    }
    for (const xml of splitter.end()) yield { path, xml };
  }
}
