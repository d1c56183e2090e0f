import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serializeRiskEventJson } from '@riskstream/core';
import { SAMPLE_FILE, generateSampleXml } from '../../../scripts/generate-sample';
import { scanFiles, type ScanResult } from '../src/commands/scan';

// The committed sample must stay what the generator writes, and its committed risk events what scan
// prints for it. After a deliberate change, regenerate both as samples/README.md describes.

const EXPECTED_FILE = path.resolve(__dirname, '../../../samples/expected-risk-events.jsonl');

describe('sample dataset', () => {
  let result: ScanResult;

  beforeAll(async () => {
    result = await scanFiles([SAMPLE_FILE]);
  });

  test('generator is deterministic', () => {
    expect(generateSampleXml()).toBe(readFileSync(SAMPLE_FILE, 'utf8'));
  });

  test('seed changes the sample', () => {
    expect(generateSampleXml(1)).not.toBe(generateSampleXml());
  });

  test('scan output equals expected file', () => {
    const lines = result.riskEvents.map((event) => `${serializeRiskEventJson(event).toString('utf8')}\n`);
    expect(lines.join('')).toBe(readFileSync(EXPECTED_FILE, 'utf8'));
  });

  test('summary counts', () => {
    expect(result.summary).toEqual({
      eventsRead: 263,
      normalized: 262,
      rejected: { 'malformed-xml': 1 },
      matched: 14,
      excluded: 0,
      missingByField: 1,
      missingByFieldNames: { CallTrace: 1 },
      invalidTime: 0,
      late: 0,
      windows: 4,
      riskEvents: 9,
    });
  });
});
