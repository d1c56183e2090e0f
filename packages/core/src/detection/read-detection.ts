import type { Detection, RiskSettings, WindowSettings } from './detection';
import type { FieldReader } from './field-reader';

const DETECTION_KEYS = [
  'name',
  'id',
  'searchName',
  'description',
  'input',
  'filter',
  'byFields',
  'window',
  'risk',
  'annotations',
  'knownFalsePositives',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// By-field names must be plain identifiers, because the filter grammar reads no quoted field names.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
// MITRE ATT&CK technique ids, with an optional sub-technique such as T1047 or T1055.012.
const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;
/** Risk object types of the Splunk Enterprise Security risk framework. */
export const RISK_OBJECT_TYPES = ['system', 'user', 'other'] as const;

/** Reads the whole detection from parsed YAML; every problem goes to `reader.issues`. */
export function readDetection(raw: unknown, reader: FieldReader): Detection {
  return reader.section(raw, '', DETECTION_KEYS, (root) => ({
    name: reader.text(root, 'name', ''),
    id: reader.matching(root, 'id', '', UUID, 'a UUID such as cf192860-2d94-40db-9a51-c04a2e8a8f8b'),
    searchName: reader.text(root, 'searchName', ''),
    description: reader.text(root, 'description', ''),
    input: reader.section(root.input, 'input', ['channels'], (input) => ({
      channels: reader.textList(input, 'channels', 'input', false),
    })),
    filter: reader.text(root, 'filter', ''),
    byFields: readByFields(root, reader),
    window: reader.section(root.window, 'window', ['size', 'offset', 'grace'], (window) => readWindow(window, reader)),
    risk: reader.section(root.risk, 'risk', RISK_KEYS, (risk) => readRisk(risk, reader)),
    annotations: reader.section(root.annotations, 'annotations', ['mitreAttack', 'analyticStories'], (annotations) =>
      readAnnotations(annotations, reader),
    ),
    knownFalsePositives: reader.text(root, 'knownFalsePositives', ''),
  }));
}

type Mapping = Record<string, unknown>;

const RISK_KEYS = ['score', 'impact', 'confidence', 'objectField', 'objectType', 'messageTemplate'];

function readByFields(root: Mapping, reader: FieldReader): string[] {
  const fields = reader.textList(root, 'byFields', '', false);
  fields.forEach((field, index) => {
    if (!FIELD_NAME.test(field)) {
      reader.report(`byFields[${index}]`, field, 'a field name of letters, digits, "_", ".", ":" or "-"');
    }
  });
  return fields;
}

function readWindow(window: Mapping, reader: FieldReader): WindowSettings {
  const size = reader.integer(window, 'size', 'window', 1);
  // An invalid size gives no bound for the offset, so only the size is reported.
  const maxOffset = reader.hasIssue('window.size') ? undefined : size - 1;
  return {
    size,
    offset: reader.integer(window, 'offset', 'window', 0, maxOffset),
    grace: reader.integer(window, 'grace', 'window', 0),
  };
}

function readRisk(risk: Mapping, reader: FieldReader): RiskSettings {
  return {
    score: reader.integer(risk, 'score', 'risk', 0, 100),
    impact: reader.integer(risk, 'impact', 'risk', 0, 100),
    confidence: reader.integer(risk, 'confidence', 'risk', 0, 100),
    objectField: reader.text(risk, 'objectField', 'risk'),
    objectType: reader.oneOf(risk, 'objectType', 'risk', RISK_OBJECT_TYPES),
    messageTemplate: reader.text(risk, 'messageTemplate', 'risk'),
  };
}

function readAnnotations(annotations: Mapping, reader: FieldReader): Detection['annotations'] {
  const mitreAttack = reader.textList(annotations, 'mitreAttack', 'annotations', false);
  mitreAttack.forEach((technique, index) => {
    if (!TECHNIQUE_ID.test(technique)) {
      reader.report(`annotations.mitreAttack[${index}]`, technique, 'a MITRE ATT&CK technique id such as T1047');
    }
  });
  return { mitreAttack, analyticStories: reader.textList(annotations, 'analyticStories', 'annotations', true) };
}
