import type { FilterNode } from '../../src/filter/ast';
import { referencedFields } from '../../src/filter/ast';
import { FilterError } from '../../src/filter/filter-error';
import { parseFilter } from '../../src/filter/parser';

// Renders the tree in a compact prefix form so precedence is easy to read in assertions.
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
      return `and(${node.children.map(show).join(' ')})`;
    case 'or':
      return `or(${node.children.map(show).join(' ')})`;
    case 'not':
      return `not(${show(node.child)})`;
    case 'comparison':
      return `${node.field}${node.operator}${node.value}`;
    case 'in':
      return `${node.field} in [${node.values.join(',')}]`;
  }
}

function parseError(source: string): FilterError {
  try {
    parseFilter(source);
  } catch (error) {
    if (error instanceof FilterError) {
      return error;
    }
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

describe('parseFilter', () => {
  it('parses the ESCU search', () => {
    const tree = parseFilter('EventCode=10 SourceImage = "*\\\\wmiprvse.exe"  GrantedAccess IN ("0x1478", "0x1fffff")');
    expect(show(tree)).toBe('and(EventCode=10 SourceImage=*\\wmiprvse.exe GrantedAccess in [0x1478,0x1fffff])');
  });

  // Splunk's search command evaluates OR before AND, whether the AND is written or implied.
  it.each([
    ['a=1 b=2 OR c=3', 'and(a=1 or(b=2 c=3))'],
    ['a=1 AND b=2 OR c=3', 'and(a=1 or(b=2 c=3))'],
    ['a=1 OR b=2 c=3', 'and(or(a=1 b=2) c=3)'],
    ['a=1 OR b=2 AND c=3 OR d=4', 'and(or(a=1 b=2) or(c=3 d=4))'],
  ])('binds OR tighter: %s', (source, expected) => {
    expect(show(parseFilter(source))).toBe(expected);
  });

  it.each([
    ['NOT a=1 OR b=2', 'or(not(a=1) b=2)'],
    ['NOT (a=1 OR b=2)', 'not(or(a=1 b=2))'],
    ['NOT NOT a=1', 'not(not(a=1))'],
    ['(a=1 b=2) OR c=3', 'or(and(a=1 b=2) c=3)'],
    ['NOT x IN (1, 2)', 'not(x in [1,2])'],
  ])('binds NOT and parentheses: %s', (source, expected) => {
    expect(show(parseFilter(source))).toBe(expected);
  });

  it('keeps relational operators', () => {
    expect(show(parseFilter('SourceProcessId>=1000 TargetProcessId<4'))).toBe(
      'and(SourceProcessId>=1000 TargetProcessId<4)',
    );
  });

  it('accepts quoted keyword value', () => {
    expect(show(parseFilter('Name="OR"'))).toBe('Name=OR');
  });

  it('lists referenced fields', () => {
    const fields = referencedFields(parseFilter('EventCode=10 (dest=a OR NOT User IN (x))'));
    expect([...fields].sort()).toEqual(['EventCode', 'User', 'dest']);
  });

  it.each([
    ['', 1, ''],
    ['EventCode=', 11, ''],
    ['EventCode=10 OR', 16, ''],
    ['EventCode=10)', 13, ')'],
    ['(EventCode=10', 14, ''],
    ['x IN ()', 7, ')'],
    ['x IN ("a" "b")', 11, '"b"'],
    ['x IN "a"', 6, '"a"'],
    ['EventCode=AND', 11, 'AND'],
    ['a=1 AND AND b=2', 9, 'AND'],
  ])('rejects syntax %j', (source, column, token) => {
    const error = parseError(source);
    expect(error.code).toBe('FILTER_SYNTAX');
    expect(error.column).toBe(column);
    expect(error.token).toBe(token);
  });

  it.each([
    ['bare keyword', 'EventCode=10 wmiprvse'],
    ['lowercase in', 'x in (1, 2)'],
    ['quoted phrase', 'EventCode=10 "access denied"'],
    ['field wildcard', '*Image=x'],
  ])('rejects unsupported %s', (_name, source) => {
    expect(parseError(source).code).toBe('FILTER_UNSUPPORTED');
  });

  it('names position and token in message', () => {
    expect(parseError('EventCode=10 OR').message).toBe(
      'Invalid filter at column 16: found the end of the filter, expected a field comparison such as ' +
        'EventCode=10, NOT, or "(". Filter: EventCode=10 OR',
    );
  });
});
