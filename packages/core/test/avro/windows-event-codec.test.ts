import * as avro from 'avsc';

import type { WindowsEvent } from '../../src/event';
import {
  AvroCodecError,
  createWindowsEventCodec,
  formatFingerprint,
  schemaFingerprint,
  SingleObjectEncoder,
  WINDOWS_EVENT_SCHEMA_NAME,
} from '../../src/avro';
import { createEventDraft } from '../../src/xml/event-draft';
import { normalizeEventXml } from '../../src/xml';
import { classicEvent, event, processAccessData, renderingInfo, system, userData } from '../xml/sample-events';
import { COMPACT_STYLE, render } from '../xml/sample-tree';
import { readSchema } from './windows-event-schema';

const CURRENT = readSchema('windows-event.avsc');
const V1 = readSchema('windows-event.v1.avsc');

function sampleRecords(): WindowsEvent[] {
  const trees = [
    event([system(), processAccessData()]),
    classicEvent(),
    event([system(), processAccessData({ CallTrace: '' }), renderingInfo()]),
    event([system({ systemTime: 'not a time' }), userData()]),
  ];
  return trees.flatMap((tree) => normalizeEventXml(render(tree, COMPACT_STYLE), { maxBytes: 65536 }));
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof AvroCodecError) {
      return error.code;
    }
    throw error;
  }
  return 'no error';
}

describe('windows-event.avsc', () => {
  const fields = (CURRENT.fields as Array<{ name: string; doc?: string }>) ?? [];

  it('is the WindowsEvent record', () => {
    expect(`${String(CURRENT.namespace)}.${String(CURRENT.name)}`).toBe(WINDOWS_EVENT_SCHEMA_NAME);
  });

  it('documents every field', () => {
    expect(
      fields.filter((field) => typeof field.doc !== 'string' || field.doc === '').map((field) => field.name),
    ).toEqual([]);
  });

  it('has the record fields in order', () => {
    expect(fields.map((field) => field.name)).toEqual(Object.keys(createEventDraft()));
  });
});

describe('createWindowsEventCodec', () => {
  const { encoder, registry } = createWindowsEventCodec(CURRENT, [V1]);

  it.each(sampleRecords().map((record, index) => [index, record] as const))(
    'round-trips record %d',
    (_index, record) => {
      expect(registry.decode(encoder.encode(record))).toEqual(record);
    },
  );

  it('writes the single-object header', () => {
    const message = encoder.encode(sampleRecords()[0] as WindowsEvent);
    expect([...message.subarray(0, 2)]).toEqual([0xc3, 0x01]);
    expect(message.readBigUInt64LE(2)).toBe(encoder.fingerprint);
  });

  it('body matches avsc', () => {
    const record = sampleRecords()[0] as WindowsEvent;
    expect(
      encoder
        .encode(record)
        .subarray(10)
        .equals(avro.Type.forSchema(CURRENT as avro.Schema).toBuffer(record)),
    ).toBe(true);
  });

  it('reads v1 records with the default', () => {
    const v1Type = avro.Type.forSchema(V1 as avro.Schema);
    const v1Record: Partial<WindowsEvent> = { ...(sampleRecords()[0] as WindowsEvent) };
    delete v1Record.extra;
    const message = new SingleObjectEncoder<Partial<WindowsEvent>>(v1Type).encode(v1Record);
    expect(registry.decode(message)).toEqual({ ...v1Record, extra: [] });
  });

  it('v1 has its own fingerprint', () => {
    const v1Type = avro.Type.forSchema(V1 as avro.Schema);
    expect(schemaFingerprint(v1Type)).not.toBe(registry.readerFingerprint);
  });

  it('rejects unknown fingerprint', () => {
    const message = Buffer.from(encoder.encode(sampleRecords()[0] as WindowsEvent));
    message[9] = (message[9] as number) ^ 0xff;
    expect(codeOf(() => createWindowsEventCodec(CURRENT).registry.decode(message))).toBe('unknown-fingerprint');
  });

  it('unknown fingerprint names it', () => {
    const message = Buffer.concat([Buffer.of(0xc3, 0x01), Buffer.alloc(8, 0xab), Buffer.of(0)]);
    expect(() => registry.decode(message)).toThrow(formatFingerprint(0xababababababababn));
  });

  it.each([
    ['truncated body', (message: Buffer) => message.subarray(0, message.length - 5)],
    ['trailing bytes', (message: Buffer) => Buffer.concat([message, Buffer.of(0)])],
    [
      'bad union branch',
      (message: Buffer) => Buffer.concat([message.subarray(0, 10), Buffer.of(0x08), message.subarray(11)]),
    ],
  ])('rejects %s', (_label, corrupt) => {
    const message = encoder.encode(sampleRecords()[0] as WindowsEvent);
    expect(codeOf(() => registry.decode(corrupt(message)))).toBe('corrupt-record');
  });

  it.each([
    ['empty message', Buffer.alloc(0)],
    ['wrong marker', Buffer.concat([Buffer.of(0xc3, 0x02), Buffer.alloc(9)])],
    ['header only part', Buffer.of(0xc3, 0x01, 0x00)],
  ])('rejects %s', (_label, message) => {
    expect(codeOf(() => registry.decode(message))).toBe('not-single-object');
  });

  it('rejects another record', () => {
    expect(codeOf(() => createWindowsEventCodec({ type: 'record', name: 'Other', fields: [] }))).toBe('invalid-schema');
  });

  it('rejects incompatible writer', () => {
    const incompatible = { ...V1, fields: [{ name: 'eventId', type: 'string' }] };
    expect(codeOf(() => createWindowsEventCodec(CURRENT, [incompatible]))).toBe('incompatible-schema');
  });
});
