import { FilterError, compileFilter } from '../filter';
import type { Detection } from './detection';
import type { FieldReader } from './field-reader';

/** Fields that exist in a `stats count min(_time) … max(_time) … by …` result besides the by-fields. */
export const STATS_RESULT_FIELDS = ['count', 'firstTime', 'lastTime'] as const;

/**
 * Checks the rules that span fields: the filter compiles, the risk object is a by-field, and
 * every `$field$` in the message exists in the stats result. Problems go to `reader.issues`.
 * A check is skipped when a field it reads already has an issue, so one mistake is reported once.
 */
export function checkDetection(detection: Detection, reader: FieldReader): void {
  checkFilter(detection.filter, reader);
  checkRiskObject(detection, reader);
  checkMessageTemplate(detection, reader);
}

function checkFilter(filter: string, reader: FieldReader): void {
  if (reader.hasIssue('filter')) {
    return;
  }
  try {
    compileFilter(filter);
  } catch (error) {
    if (!(error instanceof FilterError)) {
      throw error;
    }
    reader.report('filter', filter, `a valid SPL search expression; ${error.problem}`);
  }
}

function checkRiskObject(detection: Detection, reader: FieldReader): void {
  const { objectField } = detection.risk;
  if (reader.hasIssue('byFields') || reader.hasIssue('risk.objectField')) {
    return;
  }
  if (!detection.byFields.includes(objectField)) {
    reader.report('risk.objectField', objectField, `one of the byFields (${detection.byFields.join(', ')})`);
  }
}

function checkMessageTemplate(detection: Detection, reader: FieldReader): void {
  if (reader.hasIssue('byFields') || reader.hasIssue('risk.messageTemplate')) {
    return;
  }
  const template = detection.risk.messageTemplate;
  const parts = template.split('$');
  if (parts.length % 2 === 0) {
    reader.report('risk.messageTemplate', template, 'placeholders written as $field$ with matching "$" signs');
    return;
  }
  const known = new Set<string>([...detection.byFields, ...STATS_RESULT_FIELDS]);
  // Splitting on "$" puts the placeholder names at the odd indexes.
  parts
    .filter((_part, index) => index % 2 === 1)
    .filter((name) => !known.has(name))
    .forEach((name) => {
      reader.report(
        'risk.messageTemplate',
        `$${name}$`,
        `a placeholder naming a by-field or ${STATS_RESULT_FIELDS.join(', ')}`,
      );
    });
}
