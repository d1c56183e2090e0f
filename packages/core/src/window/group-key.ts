/**
 * Builds the map key of a stats group from its by-field values. The values are compared
 * exactly, case included, and JSON quoting keeps ["a,b"] apart from ["a", "b"].
 */
export function groupKey(values: readonly string[]): string {
  return JSON.stringify(values);
}
