import { parseAvroSchema, parsingCanonicalForm, rabinFingerprint64, schemaFingerprint } from '../../src/avro';
import { AvroCodecError } from '../../src/avro';

// Input schemas, Parsing Canonical Forms and signed 64-bit fingerprints from the Apache Avro
// repository's cross-language examples (share/test/data/schema-tests.txt).
const EXAMPLES: Array<[unknown, string, bigint]> = [
  ['null', '"null"', 7195948357588979594n],
  [{ type: 'int' }, '"int"', 8247732601305521295n],
  ['string', '"string"', -8142146995180207161n],
  [['int', { type: 'boolean' }], '["int","boolean"]', 5392556393470105090n],
  [
    { fields: [], type: 'record', name: 'foo', namespace: 'x.y' },
    '{"name":"x.y.foo","type":"record","fields":[]}',
    5916914534497305771n,
  ],
  [
    {
      fields: [
        { type: 'boolean', aliases: [], name: 'f1', default: true },
        { order: 'descending', name: 'f2', doc: 'Hello', type: 'int' },
      ],
      type: 'record',
      name: 'foo',
    },
    '{"name":"foo","type":"record","fields":[{"name":"f1","type":"boolean"},{"name":"f2","type":"int"}]}',
    -4860222112080293046n,
  ],
  [
    { namespace: 'x.y.z', type: 'enum', name: 'foo', doc: 'foo bar', symbols: ['A1', 'A2'] },
    '{"name":"x.y.z.foo","type":"enum","symbols":["A1","A2"]}',
    -4448647247586288245n,
  ],
  [{ items: { type: 'null' }, type: 'array' }, '{"type":"array","items":"null"}', -589620603366471059n],
  [{ values: 'string', type: 'map' }, '{"type":"map","values":"string"}', -8732877298790414990n],
  [
    { name: 'PigValue', type: 'record', fields: [{ name: 'value', type: ['null', 'int', 'long', 'PigValue'] }] },
    '{"name":"PigValue","type":"record","fields":[{"name":"value","type":["null","int","long","PigValue"]}]}',
    -1759257747318642341n,
  ],
];

describe('parsingCanonicalForm', () => {
  it.each(EXAMPLES)('of %j', (schema, canonical) => {
    expect(parsingCanonicalForm(parseAvroSchema(schema, 'example'))).toBe(canonical);
  });

  it('drops logicalType', () => {
    const type = parseAvroSchema({ type: 'long', logicalType: 'timestamp-micros' }, 'example');
    expect(parsingCanonicalForm(type)).toBe('"long"');
  });
});

describe('rabinFingerprint64', () => {
  it.each(EXAMPLES)('of %j', (_schema, canonical, signed) => {
    expect(BigInt.asIntN(64, rabinFingerprint64(Buffer.from(canonical, 'utf8')))).toBe(signed);
  });

  it('of no bytes', () => {
    expect(rabinFingerprint64(new Uint8Array(0))).toBe(0xc15d213aa4d7a795n);
  });
});

describe('schemaFingerprint', () => {
  it('hashes the canonical form', () => {
    const type = parseAvroSchema(
      { type: 'record', name: 'foo', namespace: 'x.y', doc: 'ignored', fields: [] },
      'example',
    );
    expect(BigInt.asIntN(64, schemaFingerprint(type))).toBe(5916914534497305771n);
  });
});

describe('parseAvroSchema', () => {
  it('rejects invalid schema', () => {
    expect(() => parseAvroSchema({ type: 'record', name: 'x' }, 'broken')).toThrow(AvroCodecError);
  });

  it('names the schema', () => {
    expect(() => parseAvroSchema({ type: 'nope' }, 'broken')).toThrow(/Avro schema broken is invalid/);
  });
});
