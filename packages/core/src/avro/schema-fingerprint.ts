import * as avro from 'avsc';

import { AvroCodecError } from './avro-codec-error';
import { rabinFingerprint64 } from './rabin-fingerprint';

/**
 * Parses a schema given as parsed JSON (the caller reads the .avsc file). `label` names the
 * schema in the error message. Raises `invalid-schema`.
 */
export function parseAvroSchema(schema: unknown, label: string): avro.Type {
  try {
    return avro.Type.forSchema(schema as avro.Schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AvroCodecError('invalid-schema', `Avro schema ${label} is invalid: ${reason}`, null, { cause: error });
  }
}

/**
 * Returns the Parsing Canonical Form of a type. Called without options, avsc 5.7.9's `schema()`
 * drops doc, aliases, defaults, order and logicalType, and it writes full names with keys in the
 * order the form requires. The tests compare it with the Avro project's canonical-form examples.
 */
export function parsingCanonicalForm(type: avro.Type): string {
  return JSON.stringify(type.schema());
}

/** Computes the Rabin fingerprint of a type's Parsing Canonical Form, as an unsigned bigint. */
export function schemaFingerprint(type: avro.Type): bigint {
  return rabinFingerprint64(Buffer.from(parsingCanonicalForm(type), 'utf8'));
}
