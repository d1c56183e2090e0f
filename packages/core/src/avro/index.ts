export type { AvroCodecErrorCode } from './avro-codec-error';
export { AvroCodecError } from './avro-codec-error';
export { formatFingerprint, rabinFingerprint64 } from './rabin-fingerprint';
export { parseAvroSchema, parsingCanonicalForm, schemaFingerprint } from './schema-fingerprint';
export {
  readSingleObjectFingerprint,
  SINGLE_OBJECT_HEADER_LENGTH,
  SINGLE_OBJECT_MARKER,
  writeSingleObjectHeader,
} from './single-object';
export { SingleObjectEncoder } from './single-object-encoder';
export { SchemaRegistry } from './schema-registry';
export type { WindowsEventCodec } from './windows-event-codec';
export { createWindowsEventCodec, WINDOWS_EVENT_SCHEMA_NAME } from './windows-event-codec';
export { EventIdReader } from './event-id-reader';
