import type { Detection } from '../detection/detection';
import { RISK_EVENT_BY_FIELDS } from './risk-event';
import { validateTemplate } from './risk-message';

/**
 * Throws unless the detection can produce risk events: its by-fields are exactly the ones a risk
 * event carries, the risk object is one of them, the scores are integers and the message
 * template passes `validateTemplate`. Call it when a detection is loaded.
 */
export function validateRiskDetection(detection: Detection): void {
  validateByFields(detection.byFields);
  const { risk } = detection;
  if (!detection.byFields.includes(risk.objectField)) {
    throw new Error(
      `invalid risk object field "${risk.objectField}": it must be one of the by-fields ${detection.byFields.join(', ')}`,
    );
  }
  for (const [name, value] of [
    ['score', risk.score],
    ['impact', risk.impact],
    ['confidence', risk.confidence],
  ] as const) {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`invalid risk ${name} ${value}: set it to a whole number, e.g. 25`);
    }
  }
  validateTemplate(risk.messageTemplate, detection.byFields);
}

function validateByFields(byFields: readonly string[]): void {
  const expected: readonly string[] = RISK_EVENT_BY_FIELDS;
  const missing = expected.filter((field) => !byFields.includes(field));
  const extra = byFields.filter((field) => !expected.includes(field));
  const hasDuplicates = new Set(byFields).size !== byFields.length;
  if (missing.length > 0 || extra.length > 0 || hasDuplicates) {
    throw new Error(
      `invalid by-fields ${byFields.join(', ')}: a risk event carries exactly ${expected.join(', ')} ` +
        `(missing: ${missing.join(', ') || 'none'}; not supported: ${extra.join(', ') || 'none'}; ` +
        `duplicates: ${hasDuplicates ? 'yes' : 'none'})`,
    );
  }
}
