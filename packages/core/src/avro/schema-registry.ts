import type * as avro from 'avsc';

import { AvroCodecError } from './avro-codec-error';
import { formatFingerprint } from './rabin-fingerprint';
import { schemaFingerprint } from './schema-fingerprint';
import { readSingleObjectFingerprint, SINGLE_OBJECT_HEADER_LENGTH } from './single-object';

interface WriterEntry {
  type: avro.Type;
  /** Null when the writer is the reader schema itself and needs no resolution. */
  resolver: avro.Resolver | null;
}

/**
 * Known writer schemas by fingerprint, and decoding of single-object messages into one reader
 * schema using Avro schema resolution. The reader schema is registered as a writer too.
 */
export class SchemaRegistry<T> {
  readonly readerFingerprint: bigint;
  private readonly writers = new Map<bigint, WriterEntry>();

  constructor(readonly readerType: avro.Type) {
    this.readerFingerprint = schemaFingerprint(readerType);
    this.writers.set(this.readerFingerprint, { type: readerType, resolver: null });
  }

  /** Registers a writer schema and returns its fingerprint. Raises `incompatible-schema`. */
  addWriter(writerType: avro.Type): bigint {
    const fingerprint = schemaFingerprint(writerType);
    if (this.writers.has(fingerprint)) {
      return fingerprint;
    }
    try {
      this.writers.set(fingerprint, { type: writerType, resolver: this.readerType.createResolver(writerType) });
    } catch (error) {
      const hex = formatFingerprint(fingerprint);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AvroCodecError(
        'incompatible-schema',
        `Writer schema ${hex} cannot be read as ${this.readerType.name ?? 'the reader schema'}: ${reason}; ` +
          'add defaults for new reader fields or keep field types compatible.',
        hex,
        { cause: error },
      );
    }
    return fingerprint;
  }

  /** Returns the registered writer schema with this fingerprint, if any. */
  writerType(fingerprint: bigint): avro.Type | undefined {
    return this.writers.get(fingerprint)?.type;
  }

  hasWriter(fingerprint: bigint): boolean {
    return this.writers.has(fingerprint);
  }

  /** Decodes a single-object message. Raises `not-single-object`, `unknown-fingerprint` or `corrupt-record`. */
  decode(message: Buffer): T {
    const fingerprint = readSingleObjectFingerprint(message);
    const writer = this.writers.get(fingerprint);
    if (writer === undefined) {
      const hex = formatFingerprint(fingerprint);
      throw new AvroCodecError(
        'unknown-fingerprint',
        `Message was written with schema fingerprint ${hex}, which is not registered; add that writer schema.`,
        hex,
      );
    }
    try {
      const body = message.subarray(SINGLE_OBJECT_HEADER_LENGTH);
      return this.readerType.fromBuffer(body, writer.resolver ?? undefined) as T;
    } catch (error) {
      const hex = formatFingerprint(fingerprint);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AvroCodecError(
        'corrupt-record',
        `Message body of ${message.length - SINGLE_OBJECT_HEADER_LENGTH} bytes does not decode with writer ` +
          `schema ${hex}: ${reason}.`,
        hex,
        { cause: error },
      );
    }
  }
}
