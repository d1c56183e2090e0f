import { readFileSync } from 'node:fs';
import path from 'node:path';
import avro from 'avsc';
import { buildRiskEvent } from '../../src/risk/build-risk-event';
import { GRUNT_VALUES, wmiImpersonationDetection } from './detection-fixture';

// No JSON Schema 2020-12 validator is a dependency, so these tests check the schema's shape and
// each field's type and pattern by hand.
const SCHEMA_DIR = path.resolve(__dirname, '../../../../schemas');

interface PropertySchema {
  type: string;
  description?: string;
  pattern?: string;
}

interface ObjectSchema {
  type: string;
  additionalProperties: boolean;
  required: string[];
  properties: Record<string, PropertySchema>;
}

const jsonSchema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'risk-event.schema.json'), 'utf8')) as ObjectSchema & {
  $schema: string;
};
const avroSchema = JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'risk-event.avsc'), 'utf8')) as avro.Schema & {
  namespace: string;
  fields: { name: string; doc?: string }[];
};

const MICROS = Date.UTC(2020, 7, 6, 7, 56, 41, 439) * 1000;
const EVENT = buildRiskEvent(
  wmiImpersonationDetection(),
  { start: Date.UTC(2020, 7, 6, 7, 50) / 1000, end: Date.UTC(2020, 7, 6, 8, 50) / 1000 },
  { values: GRUNT_VALUES, count: 1, minMicros: MICROS, maxMicros: MICROS },
);

function jsonType(value: unknown): string {
  if (Array.isArray(value)) {
    return 'array';
  }
  if (Number.isInteger(value)) {
    return 'integer';
  }
  return typeof value;
}

describe('risk-event.schema.json', () => {
  test('uses draft 2020-12', () => {
    expect(jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  test('properties match event fields', () => {
    expect(Object.keys(jsonSchema.properties)).toEqual(Object.keys(EVENT));
  });

  test('every field is required', () => {
    expect(jsonSchema.required).toEqual(Object.keys(EVENT));
  });

  test('rejects additional properties', () => {
    expect(jsonSchema.additionalProperties).toBe(false);
  });

  test.each(Object.keys(EVENT))('%s is documented', (field) => {
    expect(jsonSchema.properties[field]?.description).toEqual(expect.any(String));
  });

  test.each(Object.entries(EVENT))('%s has schema type', (field, value) => {
    const schemaType = jsonSchema.properties[field]?.type;
    // JSON Schema counts every integer as a number too.
    const allowedTypes = schemaType === 'number' ? ['number', 'integer'] : [schemaType];
    expect(allowedTypes).toContain(jsonType(value));
  });

  test.each(Object.entries(jsonSchema.properties).filter(([, property]) => property.pattern !== undefined))(
    '%s matches its pattern',
    (field, property) => {
      const value: unknown = EVENT[field as keyof typeof EVENT];
      expect(value).toEqual(expect.stringMatching(new RegExp(property.pattern ?? '')));
    },
  );
});

describe('risk-event.avsc', () => {
  const type = avro.Type.forSchema(avroSchema);

  test('namespace', () => {
    expect(avroSchema.namespace).toBe('io.riskstream.risk');
  });

  test('fields match event fields', () => {
    expect(avroSchema.fields.map((field) => field.name)).toEqual(Object.keys(EVENT));
  });

  test('every field is documented', () => {
    expect(avroSchema.fields.filter((field) => field.doc === undefined)).toEqual([]);
  });

  test('accepts a built event', () => {
    expect(type.isValid(EVENT)).toBe(true);
  });

  test('round-trips a built event', () => {
    expect(type.fromBuffer(type.toBuffer(EVENT))).toEqual(EVENT);
  });
});
