import type { ComparisonNode, FilterNode, InNode } from './ast';
import type { FieldLookup, FilterPredicate } from './field-lookup';
import { parseFilter } from './parser';
import { compileRelational } from './relational';
import { compileWildcard, hasWildcard, type LowercaseMatcher } from './wildcard';

/** Parses and compiles an SPL search expression; throws FilterError on invalid text. */
export function compileFilter(source: string): FilterPredicate {
  return compileNode(parseFilter(source));
}

/**
 * Compiles a parsed expression to a predicate. An absent field makes every comparison on it
 * false, even `field=*` and `field!=value`, while `NOT field=value` is true for it.
 */
export function compileNode(node: FilterNode): FilterPredicate {
  switch (node.kind) {
    case 'and':
      return compileAll(node.children.map(compileNode));
    case 'or':
      return compileAny(node.children.map(compileNode));
    case 'not': {
      const child = compileNode(node.child);
      return (lookup) => !child(lookup);
    }
    case 'comparison':
      return compileComparison(node);
    case 'in':
      return compileIn(node);
  }
}

function compileAll(children: FilterPredicate[]): FilterPredicate {
  const [first, second] = children;
  if (children.length === 2 && first !== undefined && second !== undefined) {
    return (lookup) => first(lookup) && second(lookup);
  }
  return (lookup) => children.every((child) => child(lookup));
}

function compileAny(children: FilterPredicate[]): FilterPredicate {
  const [first, second] = children;
  if (children.length === 2 && first !== undefined && second !== undefined) {
    return (lookup) => first(lookup) || second(lookup);
  }
  return (lookup) => children.some((child) => child(lookup));
}

function compileComparison(node: ComparisonNode): FilterPredicate {
  const { field, operator, value } = node;
  if (operator === '=' || operator === '!=') {
    // NOTE: `=` compares text, so `x=10` does not match "10.0"; whether Splunk compares such pairs as numbers is unchecked.
    const matches = compileWildcard(value);
    const expectMatch = operator === '=';
    return (lookup: FieldLookup) => {
      const actual = lookup(field);
      return actual !== undefined && matches(actual.toLowerCase()) === expectMatch;
    };
  }
  const test = compileRelational(operator, value);
  return (lookup) => {
    const actual = lookup(field);
    return actual !== undefined && test(actual);
  };
}

// Exact values go into one Set probe; only wildcard entries are tried one by one.
function compileIn(node: InNode): FilterPredicate {
  const { field } = node;
  const exact = new Set(node.values.filter((value) => !hasWildcard(value)).map((value) => value.toLowerCase()));
  const patterns: LowercaseMatcher[] = node.values.filter(hasWildcard).map(compileWildcard);
  return (lookup) => {
    const actual = lookup(field);
    if (actual === undefined) {
      return false;
    }
    const lowered = actual.toLowerCase();
    return exact.has(lowered) || patterns.some((matches) => matches(lowered));
  };
}
