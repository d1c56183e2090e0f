import type { ComparisonOperator } from './token';

/** A parsed search expression. Values are unescaped; `*` in a value is always a wildcard. */
export type FilterNode = AndNode | OrNode | NotNode | ComparisonNode | InNode;

export interface AndNode {
  kind: 'and';
  children: FilterNode[];
}

export interface OrNode {
  kind: 'or';
  children: FilterNode[];
}

export interface NotNode {
  kind: 'not';
  child: FilterNode;
}

/** `field=value`, `field!=value` or a relational comparison such as `field>=10`. */
export interface ComparisonNode {
  kind: 'comparison';
  field: string;
  operator: ComparisonOperator;
  value: string;
}

/** `field IN (v1, v2, …)`: true when the field equals any value, with the same rules as `=`. */
export interface InNode {
  kind: 'in';
  field: string;
  values: string[];
}

/** Collects every field name the expression reads. */
export function referencedFields(node: FilterNode, into: Set<string> = new Set()): Set<string> {
  switch (node.kind) {
    case 'and':
    case 'or':
      node.children.forEach((child) => referencedFields(child, into));
      break;
    case 'not':
      referencedFields(node.child, into);
      break;
    case 'comparison':
    case 'in':
      into.add(node.field);
      break;
  }
  return into;
}
