import type { FilterNode } from '../filter';

const eventIdFields = new Set(['EventCode', 'EventID']);

/**
 * Returns the EventIDs an event must have to pass the expression, or undefined when the
 * expression does not restrict the EventID. Consumers use it to skip decoding events that
 * cannot match. Only exact `=` and `IN` terms count; values with `*` or other operators leave
 * the EventID unrestricted.
 */
export function requiredEventIds(node: FilterNode): ReadonlySet<number> | undefined {
  switch (node.kind) {
    case 'and':
      return intersectDefined(node.children.map(requiredEventIds));
    case 'or': {
      const sets = node.children.map(requiredEventIds);
      return sets.every((set) => set !== undefined) ? new Set(sets.flatMap((set) => [...set])) : undefined;
    }
    case 'not':
      return undefined;
    case 'comparison':
      return node.operator === '=' ? exactIds(node.field, [node.value]) : undefined;
    case 'in':
      return exactIds(node.field, node.values);
  }
}

function exactIds(field: string, values: string[]): ReadonlySet<number> | undefined {
  if (!eventIdFields.has(field) || values.some((value) => value.includes('*'))) return undefined;
  // The filter compares text, so only a value written as the EventID renders (`10`, not `010`) can match.
  return new Set(values.filter((value) => /^(0|[1-9]\d*)$/.test(value)).map(Number));
}

function intersectDefined(sets: Array<ReadonlySet<number> | undefined>): ReadonlySet<number> | undefined {
  let result: Set<number> | undefined;
  for (const set of sets) {
    if (set === undefined) continue;
    result = result === undefined ? new Set(set) : new Set([...result].filter((id) => set.has(id)));
  }
  return result;
}
