/** A growing output buffer with a write position, for the compiled Avro writers. */
export class ByteSink {
  buf: Buffer;
  pos = 0;

  constructor(initialBytes: number) {
    this.buf = Buffer.alloc(initialBytes);
  }

  /** Makes room for `bytes` more bytes after the position, keeping what was written. */
  ensure(bytes: number): void {
    const needed = this.pos + bytes;
    if (needed > this.buf.length) {
      const grown = Buffer.alloc(Math.max(needed, 2 * this.buf.length));
      this.buf.copy(grown, 0, 0, this.pos);
      this.buf = grown;
    }
  }

  /** Writes an Avro `long` or `int`: zig-zag, then a little-endian base-128 varint. */
  writeLong(value: number): void {
    this.ensure(MAX_VARINT_BYTES);
    const buf = this.buf;
    let pos = this.pos;
    if (value >= -0x40000000 && value < 0x40000000) {
      // Fits 31 bits after zig-zag, so 32-bit integer operations are exact.
      let zigzag = value >= 0 ? value << 1 : (~value << 1) | 1;
      while (zigzag > 0x7f) {
        buf[pos++] = (zigzag & 0x7f) | 0x80;
        zigzag >>>= 7;
      }
      buf[pos++] = zigzag;
    } else {
      // Up to 2^53: floating-point arithmetic stays exact where bit operations would overflow.
      let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
      while (zigzag > 0x7f) {
        buf[pos++] = (zigzag % 0x80) | 0x80;
        zigzag = Math.floor(zigzag / 0x80);
      }
      buf[pos++] = zigzag;
    }
    this.pos = pos;
  }

  /** Writes an Avro `string`: its UTF-8 byte length as a long, then the bytes. */
  writeString(value: string): void {
    const length = value.length;
    if (length < SHORT_STRING_LENGTH && this.writeShortAscii(value)) {
      return;
    }
    // UTF-8 takes at most three bytes per UTF-16 code unit. The room is made before writing,
    // because growing later would lose the bytes written past the position.
    this.ensure(MAX_VARINT_BYTES + 3 * length);
    // The length prefix is sized as if each character took one byte. Only non-ASCII text takes
    // more, and then the bytes move once if the longer length needs another varint byte.
    const reserved = varintSize(length);
    const written = writeUtf8(this.buf, value, this.pos + reserved);
    const needed = varintSize(written);
    if (needed !== reserved) {
      this.buf.copyWithin(this.pos + needed, this.pos + reserved, this.pos + reserved + written);
    }
    this.writeLong(written);
    this.pos += written;
  }

  // Below about 16 characters a JavaScript copy loop beats the native write call.
  private writeShortAscii(value: string): boolean {
    const length = value.length;
    this.ensure(length + 1);
    const buf = this.buf;
    const start = this.pos + 1;
    for (let i = 0; i < length; i++) {
      const code = value.charCodeAt(i);
      if (code >= 0x80) {
        return false;
      }
      buf[start + i] = code;
    }
    buf[this.pos] = length << 1;
    this.pos = start + length;
    return true;
  }
}

const SHORT_STRING_LENGTH = 16;
const MAX_VARINT_BYTES = 10;

/** Node's undocumented Buffer method behind `write(…, 'utf8')`, which avsc 5.7.9 also calls when present. */
interface Utf8Writable {
  utf8Write?: (value: string, offset: number) => number;
}

// Calling utf8Write directly skips write()'s argument parsing, which cost more than the copy
// itself in profiles of the ingest benchmark.
const writeUtf8: (buf: Buffer, value: string, offset: number) => number =
  typeof (Buffer.prototype as Utf8Writable).utf8Write === 'function'
    ? (buf, value, offset) => (buf as Utf8Writable as Required<Utf8Writable>).utf8Write(value, offset)
    : (buf, value, offset) => buf.write(value, offset, 'utf8');

/** Number of bytes of the varint that writeLong writes for a non-negative length. */
function varintSize(length: number): number {
  let zigzag = length * 2;
  let size = 1;
  while (zigzag > 0x7f) {
    zigzag = Math.floor(zigzag / 0x80);
    size++;
  }
  return size;
}
