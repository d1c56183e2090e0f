import { parseDocument } from 'yaml';
import { checkDetection } from './check-detection';
import type { Detection } from './detection';
import { DetectionError, type DetectionIssue } from './detection-error';
import { FieldReader } from './field-reader';
import { readDetection } from './read-detection';

/**
 * Parses and validates a detection file. Throws one DetectionError that lists every problem:
 * code DETECTION_YAML for malformed YAML, or DETECTION_INVALID for missing, invalid or
 * unknown fields, including a filter that does not compile.
 */
export function parseDetection(yamlText: string): Detection {
  const raw = parseYaml(yamlText);
  const reader = new FieldReader();
  const detection = readDetection(raw, reader);
  checkDetection(detection, reader);
  if (reader.issues.length > 0) {
    throw new DetectionError('DETECTION_INVALID', reader.issues);
  }
  return detection;
}

function parseYaml(yamlText: string): unknown {
  const document = parseDocument(yamlText, { prettyErrors: true });
  if (document.errors.length === 0) {
    return document.toJS();
  }
  const issues = document.errors.map((error): DetectionIssue => {
    const start = error.linePos?.[0];
    const path = start === undefined ? '(document)' : `line ${start.line}, column ${start.col}`;
    const line = start === undefined ? undefined : yamlText.split('\n')[start.line - 1];
    return { path, value: line, expected: `well-formed YAML (${firstLine(error.message)})` };
  });
  throw new DetectionError('DETECTION_YAML', issues, { cause: document.errors[0] });
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
