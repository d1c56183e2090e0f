import type * as avro from 'avsc';

import type { WindowsEvent } from '../event/windows-event';
import { AvroCodecError } from './avro-codec-error';
import { parseAvroSchema } from './schema-fingerprint';
import { SchemaRegistry } from './schema-registry';
import { SingleObjectEncoder } from './single-object-encoder';

/** Full name of the record in schemas/windows-event.avsc. */
export const WINDOWS_EVENT_SCHEMA_NAME = 'io.riskstream.windows.WindowsEvent';

export interface WindowsEventCodec {
  /** Writes the current schema. */
  encoder: SingleObjectEncoder<WindowsEvent>;
  /** Reads messages of the current schema and of every older one passed in. */
  registry: SchemaRegistry<WindowsEvent>;
}

/**
 * Builds the encoder and registry from parsed .avsc JSON: the current schema and the older
 * writer schemas still found on topics. Raises `invalid-schema` or `incompatible-schema`.
 */
export function createWindowsEventCodec(
  currentSchema: unknown,
  olderSchemas: readonly unknown[] = [],
): WindowsEventCodec {
  const readerType = parseWindowsEventSchema(currentSchema, 'current');
  const registry = new SchemaRegistry<WindowsEvent>(readerType);
  olderSchemas.forEach((schema, index) => {
    registry.addWriter(parseWindowsEventSchema(schema, `older[${index}]`));
  });
  return { encoder: new SingleObjectEncoder<WindowsEvent>(readerType), registry };
}

function parseWindowsEventSchema(schema: unknown, label: string): avro.Type {
  const type = parseAvroSchema(schema, label);
  if (type.name !== WINDOWS_EVENT_SCHEMA_NAME) {
    throw new AvroCodecError(
      'invalid-schema',
      `Avro schema ${label} defines ${type.name ?? 'an unnamed type'}, expected record ${WINDOWS_EVENT_SCHEMA_NAME}.`,
    );
  }
  return type;
}
