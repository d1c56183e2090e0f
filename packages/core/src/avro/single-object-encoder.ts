import type * as avro from 'avsc';

import { ByteSink } from './byte-sink';
import type { ValueWriter } from './compile-writer';
import { compileWriter } from './compile-writer';
import { schemaFingerprint } from './schema-fingerprint';
import { SINGLE_OBJECT_HEADER_LENGTH, writeSingleObjectHeader } from './single-object';

const INITIAL_BUFFER_BYTES = 16 * 1024;

/**
 * Encodes values of one writer schema as Avro single-object messages. Values are not validated
 * against the schema first, so a value of the wrong shape can throw or encode wrongly.
 */
export class SingleObjectEncoder<T> {
  /** Rabin fingerprint of the writer schema's Parsing Canonical Form. */
  readonly fingerprint: bigint;
  // One growing buffer per encoder contains header and body. Each message is copied out of it.
  private readonly sink = new ByteSink(INITIAL_BUFFER_BYTES);
  // On the shared Sysmon events the compiled writer takes about 40 % of the time of avsc's
  // toBuffer (best of 25 rounds over all of them). avsc encodes the types it does not cover.
  private readonly writer: ValueWriter | null;

  constructor(readonly type: avro.Type) {
    this.fingerprint = schemaFingerprint(type);
    this.writer = compileWriter(type);
    // The header never changes, and growing the sink copies it along with the body.
    writeSingleObjectHeader(this.sink.buf, this.fingerprint);
  }

  encode(value: T): Buffer {
    const sink = this.sink;
    sink.pos = SINGLE_OBJECT_HEADER_LENGTH;
    if (this.writer !== null) {
      this.writer(sink, value);
    } else {
      this.encodeWithAvsc(value);
    }
    const message = Buffer.allocUnsafe(sink.pos);
    sink.buf.copy(message, 0, 0, sink.pos);
    return message;
  }

  private encodeWithAvsc(value: T): void {
    const sink = this.sink;
    let end = this.type.encode(value, sink.buf, sink.pos);
    if (end < 0) {
      // avsc returns minus the number of missing bytes when the buffer is too small.
      sink.ensure(sink.buf.length - end);
      end = this.type.encode(value, sink.buf, sink.pos);
    }
    sink.pos = end;
  }
}
