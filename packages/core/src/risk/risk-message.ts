import { STATS_RESULT_FIELDS } from '../detection/check-detection';

// ESCU risk messages write fields as `$field$`. As in the detection loader, splitting at every `$`
// puts placeholder names at the odd indexes, so a template needs an even number of `$` signs.
function splitTemplate(template: string): string[] {
  const parts = template.split('$');
  if (parts.length % 2 === 0) {
    throw new Error(
      `invalid risk message template "${template}": it has an odd number of "$" signs. ` +
        'Write each placeholder as $field$, and no "$" outside placeholders',
    );
  }
  return parts;
}

/** Returns the field names of the template's `$field$` placeholders, in order of appearance. */
export function templatePlaceholders(template: string): string[] {
  return splitTemplate(template).filter((_part, index) => index % 2 === 1);
}

/**
 * Throws unless every `$field$` placeholder of the template names a by-field or a stats result
 * field (count, firstTime, lastTime), because only those survive the search's stats.
 */
export function validateTemplate(template: string, byFields: readonly string[]): void {
  const known = new Set<string>([...byFields, ...STATS_RESULT_FIELDS]);
  const unknown = templatePlaceholders(template).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const names = [...new Set(unknown)].map((name) => `$${name}$`).join(', ');
    throw new Error(
      `invalid risk message template "${template}": unknown placeholder ${names}. ` +
        `A placeholder must name one of ${[...known].join(', ')}`,
    );
  }
}

/** Replaces each `$field$` placeholder with the field's value and throws on a field with no value. */
export function renderRiskMessage(template: string, values: ReadonlyMap<string, string>): string {
  const parts = splitTemplate(template).map((part, index) => {
    if (index % 2 === 0) {
      return part;
    }
    const value = values.get(part);
    if (value === undefined) {
      throw new Error(`risk message placeholder $${part}$ has no value: validate the template when loading`);
    }
    return value;
  });
  return parts.join('');
}
