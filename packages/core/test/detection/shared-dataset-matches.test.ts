import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compileDetection } from '../../src/detection/compile-detection';
import { parseDetection } from '../../src/detection/parse-detection';
import { sharedDatasetDir } from '../shared-datasets';
import { normalizeEventXml } from '../../src/xml';

// Normalizes every shared replay file with the real XML normalizer, runs the shipped detection
// over it and compares the matched events with the expected matches, which an independent
// implementation of the search computed.

const DETECTION = parseDetection(
  readFileSync(path.join(__dirname, '../../../../detections/wmi-impersonate-token.yml'), 'utf8'),
);
const COMPILED = compileDetection(DETECTION);
// Far above the longest replay line (about 31 000 characters).
const MAX_EVENT_BYTES = 1024 * 1024;

interface ExpectedMatch {
  line: number;
  values: (string | undefined)[];
}

function readExpected(file: string): ExpectedMatch[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line) as Record<string, unknown>;
      const values = DETECTION.byFields.map((field) => (record[field] as string | null) ?? undefined);
      return { line: Number(record.line), values };
    });
}

function readActual(file: string): ExpectedMatch[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((text, index) => {
    if (text.trim() === '') {
      return [];
    }
    const events = normalizeEventXml(text, { maxBytes: MAX_EVENT_BYTES });
    if (events.length !== 1) {
      throw new Error(
        `line ${index + 1} of ${file} contains ${events.length} events, but each line must contain exactly one`,
      );
    }
    return events
      .filter((event) => COMPILED.matches(event))
      .map((event) => ({ line: index + 1, values: COMPILED.groupValues(event) }));
  });
}

const datasetDir = sharedDatasetDir();
const datasets = datasetDir === undefined ? [] : readdirSync(datasetDir).filter((name) => name.endsWith('.xml'));
const describeShared = datasetDir === undefined ? describe.skip : describe;

describeShared('WMI detection on shared datasets', () => {
  it('finds the replay files', () => {
    expect(datasets.length).toBeGreaterThanOrEqual(11);
  });

  it.each(datasets)('matches expected events in %s', (name) => {
    const dir = datasetDir as string;
    const expectedFile = path.join(dir, 'expected', name.replace(/\.xml$/, '.matches.jsonl'));
    const actual = readActual(path.join(dir, name));
    const expected = readExpected(expectedFile);
    expect(actual.map((match) => match.line)).toEqual(expected.map((match) => match.line));
    expect(actual).toEqual(expected);
  });
});
