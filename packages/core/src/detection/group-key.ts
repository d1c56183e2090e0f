import { createFieldLookup, type SearchableEvent } from './fields';
import { murmur2 } from './murmur2';

/** The by-field values of one event, in byFields order; undefined is a null field. */
export type GroupValues = (string | undefined)[];

/** Reads the `stats … by` values of an event. Values keep their case, as Splunk groups them. */
export function groupValues(event: SearchableEvent, byFields: readonly string[]): GroupValues {
  const lookup = createFieldLookup(event);
  return byFields.map((field) => lookup(field));
}

/** True when no by-field is null; `stats … by` drops events with a null by-field. */
export function isCompleteGroup(values: GroupValues): values is string[] {
  return values.every((value) => value !== undefined);
}

const NULL_MARKER = 0xffffffff;
const encoder = new TextEncoder();

/**
 * Encodes group values so that other languages can rebuild the same bytes. For each value in
 * order: a null is the four bytes FF FF FF FF; otherwise the UTF-8 byte length as a 4-byte
 * big-endian unsigned integer, then the UTF-8 bytes. Lone UTF-16 surrogates become U+FFFD.
 */
export function encodeGroupKey(values: GroupValues): Uint8Array {
  const encoded = values.map((value) => (value === undefined ? undefined : encoder.encode(value)));
  const size = encoded.reduce((sum, bytes) => sum + 4 + (bytes?.length ?? 0), 0);
  const buffer = new Uint8Array(size);
  const view = new DataView(buffer.buffer);
  let offset = 0;
  for (const bytes of encoded) {
    view.setUint32(offset, bytes === undefined ? NULL_MARKER : bytes.length, false);
    offset += 4;
    if (bytes !== undefined) {
      buffer.set(bytes, offset);
      offset += bytes.length;
    }
  }
  return buffer;
}

/**
 * Returns a stable unsigned 32-bit hash of the group: Kafka's murmur2 over `encodeGroupKey`.
 * With those bytes as the record key, Kafka's default partitioner picks partition
 * `(groupHash(values) & 0x7fffffff) % partitionCount`.
 */
export function groupHash(values: GroupValues): number {
  return murmur2(encodeGroupKey(values));
}
