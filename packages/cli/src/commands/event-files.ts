import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { EventSplitter } from '@riskstream/core';

export interface ReadEventFilesOptions {
  /** Called for a non-empty file that held no `<Event>` element, which is rarely what was meant. */
  onNoEvents?: (path: string) => void;
}

/**
 * Yields the events of each file in order, as XML strings, reading one line at a time. A file
 * in UTF-16, as Windows PowerShell 5.1 writes with `>`, is rejected with the fix, because read
 * as UTF-8 it contains no events and would pass as a file without findings.
 */
export async function* readEventFiles(
  paths: string[],
  options: ReadEventFilesOptions = {},
): AsyncGenerator<{ path: string; xml: string }> {
  for (const path of paths) {
    rejectUtf16(path);
    const splitter = new EventSplitter();
    const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
    let events = 0;
    for await (const line of lines) {
      for (const xml of splitter.push(line)) {
        events += 1;
        yield { path, xml };
      }
    }
    for (const xml of splitter.end()) {
      events += 1;
      yield { path, xml };
    }
    if (events === 0 && statSync(path).size > 0) options.onNoEvents?.(path);
  }
}

function rejectUtf16(path: string): void {
  const start = Buffer.alloc(2);
  const descriptor = openSync(path, 'r');
  try {
    readSync(descriptor, start, 0, 2, 0);
  } finally {
    closeSync(descriptor);
  }
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new Error(`${path} is UTF-16 text; convert it to UTF-8 first, for example with iconv -f UTF-16 -t UTF-8`);
  }
}

/** Writes the usual warning for a file without events to standard error. */
export function warnNoEvents(path: string): void {
  process.stderr.write(
    `riskstream: warning: ${path} contains no <Event> element; expected Windows event XML in UTF-8\n`,
  );
}
