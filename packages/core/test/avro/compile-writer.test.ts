import * as avro from 'avsc';

import { ByteSink } from '../../src/avro/byte-sink';
import { compileWriter } from '../../src/avro/compile-writer';

function encodeCompiled(type: avro.Type, value: unknown): Buffer {
  const writer = compileWriter(type);
  if (writer === null) {
    throw new Error(`no compiled writer for ${JSON.stringify(type.schema())}`);
  }
  const sink = new ByteSink(8);
  writer(sink, value);
  return sink.buf.subarray(0, sink.pos);
}

const RECORD = avro.Type.forSchema({
  type: 'record',
  name: 'Sample',
  fields: [
    { name: 'id', type: 'int' },
    { name: 'count', type: ['null', 'long'] },
    { name: 'label', type: ['string', 'null'] },
    { name: 'flag', type: 'boolean' },
    { name: 'nothing', type: 'null' },
    {
      name: 'items',
      type: [
        'null',
        {
          type: 'array',
          items: { type: 'record', name: 'Item', fields: [{ name: 'name', type: ['null', 'string'] }] },
        },
      ],
    },
    { name: 'tags', type: { type: 'array', items: 'string' } },
  ],
});

describe('compileWriter', () => {
  it.each([
    [
      'all present',
      {
        id: -5,
        count: 2 ** 40,
        label: 'x',
        flag: true,
        nothing: null,
        items: [{ name: 'a' }, { name: null }],
        tags: ['t'],
      },
    ],
    ['all null', { id: 0, count: null, label: null, flag: false, nothing: null, items: null, tags: [] }],
    ['empty array', { id: 1, count: 0, label: '', flag: false, nothing: null, items: [], tags: [] }],
    [
      'many items',
      {
        id: 2,
        count: -1,
        label: 'é',
        flag: true,
        nothing: null,
        items: Array.from({ length: 70 }, (_, i) => ({ name: `n${i}` })),
        tags: ['a', 'b'],
      },
    ],
  ])('matches avsc: %s', (_label, value) => {
    expect(encodeCompiled(RECORD, value).equals(RECORD.toBuffer(value))).toBe(true);
  });

  it.each([
    ['double', 'double'],
    ['map', { type: 'map', values: 'string' }],
    ['enum', { type: 'enum', name: 'E', symbols: ['A'] }],
    ['three-branch union', ['null', 'int', 'string']],
    ['record with a map', { type: 'record', name: 'R', fields: [{ name: 'm', type: { type: 'map', values: 'int' } }] }],
  ])('declines %s', (_label, schema) => {
    expect(compileWriter(avro.Type.forSchema(schema as avro.Schema))).toBeNull();
  });
});
