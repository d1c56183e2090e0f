import type * as avro from 'avsc';

import type { ByteSink } from './byte-sink';

/** Writes one value of a fixed Avro type to a sink, without validating it. */
export type ValueWriter = (sink: ByteSink, value: unknown) => void;

/**
 * Builds a writer for the Avro types the riskstream schemas use: null, boolean, int, long,
 * string, records, arrays and unwrapped unions of null and one other type. Returns null for
 * any other type, so the caller uses avsc's own encoder. Output bytes equal avsc's for valid values.
 */
export function compileWriter(type: avro.Type): ValueWriter | null {
  switch (type.typeName) {
    case 'null':
      return () => undefined;
    case 'boolean':
      return writeBoolean;
    case 'int':
    case 'long':
      return (sink, value) => sink.writeLong(value as number);
    case 'string':
      return (sink, value) => sink.writeString(value as string);
    case 'record':
      return compileRecordWriter(type as avro.types.RecordType);
    case 'array':
      return compileArrayWriter(type as avro.types.ArrayType);
    case 'union:unwrapped':
      return compileNullableWriter(type as avro.types.UnwrappedUnionType);
    default:
      return null;
  }
}

function writeBoolean(sink: ByteSink, value: unknown): void {
  sink.ensure(1);
  sink.buf[sink.pos++] = value === true ? 1 : 0;
}

function compileRecordWriter(type: avro.types.RecordType): ValueWriter | null {
  const names: string[] = [];
  const writers: ValueWriter[] = [];
  for (const field of type.fields) {
    const writer = compileWriter(field.type);
    if (writer === null) {
      return null;
    }
    names.push(field.name);
    writers.push(writer);
  }
  return (sink, value) => {
    const record = value as Record<string, unknown>;
    for (let i = 0; i < writers.length; i++) {
      (writers[i] as ValueWriter)(sink, record[names[i] as string]);
    }
  };
}

// Arrays are written as one block: its item count, the items, then the count 0 that ends the array.
function compileArrayWriter(type: avro.types.ArrayType): ValueWriter | null {
  const itemWriter = compileWriter(type.itemsType);
  if (itemWriter === null) {
    return null;
  }
  return (sink, value) => {
    const items = value as unknown[];
    if (items.length > 0) {
      sink.writeLong(items.length);
      for (const item of items) {
        itemWriter(sink, item);
      }
    }
    sink.writeLong(0);
  };
}

function compileNullableWriter(type: avro.types.UnwrappedUnionType): ValueWriter | null {
  const branches = type.types;
  const nullIndex = branches.findIndex((branch) => branch.typeName === 'null');
  const other = branches[1 - nullIndex];
  if (branches.length !== 2 || nullIndex === -1 || other === undefined) {
    return null;
  }
  const otherWriter = compileWriter(other);
  if (otherWriter === null) {
    return null;
  }
  const otherIndex = 1 - nullIndex;
  return (sink, value) => {
    if (value === null || value === undefined) {
      sink.writeLong(nullIndex);
    } else {
      sink.writeLong(otherIndex);
      otherWriter(sink, value);
    }
  };
}
