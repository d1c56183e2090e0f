import * as avro from 'avsc';

import { ByteSink } from '../../src/avro/byte-sink';

function written(write: (sink: ByteSink) => void, initialBytes = 4): Buffer {
  const sink = new ByteSink(initialBytes);
  write(sink);
  return sink.buf.subarray(0, sink.pos);
}

const LONG = avro.Type.forSchema('long');
const STRING = avro.Type.forSchema('string');

describe('ByteSink.writeLong', () => {
  it.each([
    0,
    1,
    -1,
    63,
    64,
    -64,
    -65,
    8191,
    8192,
    2 ** 30 - 1,
    2 ** 30,
    -(2 ** 30),
    -(2 ** 30) - 1,
    2 ** 31,
    2 ** 40 + 7,
    -(2 ** 45),
    2 ** 52 + 1,
    -(2 ** 52) - 1,
  ])('matches avsc for %d', (value) => {
    expect(written((sink) => sink.writeLong(value)).toString('hex')).toBe(LONG.toBuffer(value).toString('hex'));
  });
});

describe('ByteSink.writeString', () => {
  it.each([
    ['empty', ''],
    ['15 ASCII', 'a'.repeat(15)],
    ['16 ASCII', 'a'.repeat(16)],
    ['63 ASCII', 'a'.repeat(63)],
    ['64 ASCII', 'a'.repeat(64)],
    ['8191 ASCII', 'a'.repeat(8191)],
    ['8192 ASCII', 'a'.repeat(8192)],
    ['short non-ASCII', 'é'],
    ['non-ASCII crossing 63 bytes', 'é'.repeat(40)],
    ['non-ASCII crossing 8191 bytes', '日'.repeat(3000)],
    ['astral', '𝄞 clef'],
    ['lone CR', '\r'],
  ])('matches avsc for %s', (_label, value) => {
    expect(written((sink) => sink.writeString(value)).equals(STRING.toBuffer(value))).toBe(true);
  });

  it('keeps earlier bytes when growing', () => {
    const bytes = written((sink) => {
      sink.writeString('abc');
      sink.writeString('x'.repeat(100));
    }, 2);
    expect(bytes.equals(Buffer.concat([STRING.toBuffer('abc'), STRING.toBuffer('x'.repeat(100))]))).toBe(true);
  });
});
