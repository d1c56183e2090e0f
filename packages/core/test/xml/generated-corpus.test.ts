import { parseEventXml, parseEventXmlWithSaxes } from '../../src/xml';
import { generateCorpus } from './generated-corpus';

const OPTIONS = { maxBytes: 1024 * 1024 };
const CORPUS = generateCorpus();

describe('generated corpus', () => {
  it('covers every combination', () => {
    // 9 contents x 48 styles x 9 framings.
    expect(CORPUS).toHaveLength(9 * 48 * 9);
  });

  it('never falls back to saxes', () => {
    const fallbacks = CORPUS.filter((sample) => parseEventXml(sample.input, OPTIONS).parser !== 'scanner');
    expect(fallbacks.map((sample) => sample.label)).toEqual([]);
  });

  it('scanner matches saxes', () => {
    const differing = CORPUS.filter((sample) => {
      const scanned = parseEventXml(sample.input, OPTIONS).events;
      return !isEqual(scanned, parseEventXmlWithSaxes(sample.input, OPTIONS));
    });
    expect(differing.map((sample) => sample.label)).toEqual([]);
  });

  it('records ignore the rendering', () => {
    const differing = CORPUS.filter((sample) => {
      const records = parseEventXml(sample.input, OPTIONS).events;
      return !isEqual(records, parseEventXmlWithSaxes(sample.reference, OPTIONS));
    });
    expect(differing.map((sample) => sample.label)).toEqual([]);
  });
});

function isEqual(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}
