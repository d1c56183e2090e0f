import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { WindowsEvent } from '../../src/event';
import { parseEventXml, parseEventXmlWithSaxes } from '../../src/xml';
import { sharedDatasetDir } from '../shared-datasets';

// Every event of every shared replay file must give the same record from both parsers. The
// scanner must handle all of them itself, because they are the renderings real collectors produce.

const OPTIONS = { maxBytes: 1024 * 1024 };
const datasetDir = sharedDatasetDir();

function readLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0);
}

if (datasetDir === undefined) {
  describe.skip('shared datasets (skipped: shared Sysmon datasets not found; CI=true makes this fail)', () => {
    it('needs the datasets', () => undefined);
  });
} else {
  const dir = datasetDir;
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort();

  describe.each(files)('shared dataset %s', (file) => {
    const lines = readLines(path.join(dir, file));

    it('scanner never falls back', () => {
      const fallbacks = lines.filter((line) => parseEventXml(line, OPTIONS).parser !== 'scanner');
      expect(fallbacks).toHaveLength(0);
    });

    it('scanner matches saxes', () => {
      const differing = lines
        .map((line, index) => ({
          index,
          scanned: parseEventXml(line, OPTIONS).events,
          parsed: parseEventXmlWithSaxes(line, OPTIONS),
        }))
        .filter(({ scanned, parsed }) => JSON.stringify(scanned) !== JSON.stringify(parsed))
        .map(({ index }) => index + 1);
      expect(differing).toEqual([]);
    });
  });

  describe('crafted spec cases', () => {
    const records = readLines(path.join(dir, 'crafted-spec-cases.xml')).map(
      (line) => parseEventXml(line, OPTIONS).events[0] as WindowsEvent,
    );
    const byRecordId = (id: number): WindowsEvent =>
      records.find((record) => record.eventRecordId === id) as WindowsEvent;
    const dataValue = (record: WindowsEvent, name: string): string | undefined =>
      record.eventData?.find((item) => item.name === name)?.value;

    it('normalizes every line', () => {
      expect(records).toHaveLength(22);
    });

    it.each([
      ['empty element', 81016, ''],
      ['self-closed element', 81017, ''],
      ['absent element', 81018, undefined],
    ])('CallTrace as %s', (_label, recordId, expected) => {
      expect(dataValue(byRecordId(recordId), 'CallTrace')).toBe(expected);
    });

    it('decodes character references', () => {
      expect(dataValue(byRecordId(81015), 'SourceImage')).toBe('C:\\Windows\\System32\\wbem\\WmiPrvSE.exe');
    });

    it('decodes &amp;', () => {
      expect(dataValue(byRecordId(81014), 'TargetImage')).toBe('C:\\Program Files\\R&D Tools\\agent.exe');
    });

    it('reads Qualifiers', () => {
      expect(byRecordId(81013).eventIdQualifiers).toBe('0');
    });

    it('RenderingInfo keeps System level', () => {
      const record = byRecordId(90001);
      expect(record.level).toBe(4);
      expect(record.renderingInfo).toContain('<Message>Process accessed:');
    });
  });
}
