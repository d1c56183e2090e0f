// Measures filter evaluations per second over the shared Sysmon replay files.
// No TypeScript runner is installed, so compile first; run both lines from the repository root:
//   npx tsc --outDir /tmp/riskstream-bench --module commonjs --target ES2022 --skipLibCheck \
//     --esModuleInterop --types node packages/core/bench/filter-bench.ts
//   NODE_PATH=node_modules node /tmp/riskstream-bench/bench/filter-bench.js
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compileDetection } from '../src/detection/compile-detection';
import { createFieldLookup, type SearchableEvent } from '../src/detection/fields';
import { groupHash } from '../src/detection/group-key';
import { parseDetection } from '../src/detection/parse-detection';
import type { FieldLookup } from '../src/filter/field-lookup';
import { compileFilter } from '../src/filter/compile-filter';
import { normalizeEventXml } from '../src/xml';

// The compiled script runs outside the repository, so paths start from the working directory.
const REPO_ROOT = process.cwd();
const DATASET_DIR = process.env.RISKSTREAM_SHARED_DATASETS ?? path.resolve(REPO_ROOT, '../shared/datasets/sysmon');
const MIN_RUN_MS = 1000;
// Far above the longest replay line (about 31 000 characters).
const MAX_EVENT_BYTES = 1024 * 1024;

function loadEvents(): SearchableEvent[] {
  const files = readdirSync(DATASET_DIR).filter((name) => name.endsWith('.xml'));
  return files.flatMap((name) =>
    readFileSync(path.join(DATASET_DIR, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => normalizeEventXml(line, { maxBytes: MAX_EVENT_BYTES })),
  );
}

// The alternative to the lazy scan in createFieldLookup: a Map built once per event.
function createMapLookup(event: SearchableEvent): FieldLookup {
  const fields = new Map<string, string>();
  for (const item of event.eventData ?? []) {
    if (item.name !== null && item.value !== '' && !fields.has(item.name)) {
      fields.set(item.name, item.value);
    }
  }
  const computer = event.computer === '' || event.computer === null ? undefined : event.computer;
  return (field) => {
    switch (field) {
      case 'EventCode':
        return String(event.eventId);
      case 'dest':
        return computer;
      default:
        return fields.get(field);
    }
  };
}

// Runs `pass` over all events repeatedly for at least MIN_RUN_MS and prints events per second.
function measure(label: string, events: number, pass: () => number): void {
  pass();
  let passes = 0;
  let checksum = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_RUN_MS) {
    checksum += pass();
    passes += 1;
    elapsed = performance.now() - start;
  }
  const perSecond = (passes * events) / (elapsed / 1000);
  process.stdout.write(
    `${label.padEnd(48)} ${(perSecond / 1e6).toFixed(2).padStart(7)} M events/s  (checksum ${checksum})\n`,
  );
}

function main(): void {
  const detection = parseDetection(readFileSync(path.join(REPO_ROOT, 'detections/wmi-impersonate-token.yml'), 'utf8'));
  const compiled = compileDetection(detection);
  const filter = compileFilter(detection.filter);
  const events = loadEvents();
  const wmiEvents = events.filter((event) =>
    createFieldLookup(event)('SourceImage')?.toLowerCase().endsWith('wmiprvse.exe'),
  );
  const lookups = events.map(createFieldLookup);
  const wmiLookups = wmiEvents.map(createFieldLookup);
  process.stdout.write(
    `${events.length} events, ${wmiEvents.length} with a WmiPrvSE SourceImage; node ${process.version}\n`,
  );

  measure('filter, prebuilt lazy lookups', events.length, () => lookups.filter(filter).length);
  measure('filter, WmiPrvSE events only (all 3 terms)', wmiEvents.length, () => wmiLookups.filter(filter).length);
  measure(
    'createFieldLookup (lazy scan) + filter',
    events.length,
    () => events.filter((event) => filter(createFieldLookup(event))).length,
  );
  measure(
    'Map lookup per event + filter',
    events.length,
    () => events.filter((event) => filter(createMapLookup(event))).length,
  );
  measure('classify + groupValues + groupHash', events.length, () => {
    let hashes = 0;
    for (const event of events) {
      if (compiled.classify(event) === 'matched') {
        hashes ^= groupHash(compiled.groupValues(event));
      }
    }
    return hashes;
  });
}

main();
