import type { FilterNode } from './ast';
import { FilterError } from './filter-error';
import type { ComparisonOperator, Token } from './token';
import { tokenize } from './tokenizer';

/**
 * Parses an SPL search-command expression. Precedence follows Splunk's `search` command, which
 * evaluates parentheses, then NOT, then OR, then AND (explicit or implied by a space), so
 * `a=1 b=2 OR c=3` means `a=1 AND (b=2 OR c=3)`. The `where` and `eval` commands differ.
 */
export function parseFilter(source: string): FilterNode {
  return new Parser(source, tokenize(source)).parseExpression();
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN']);

class Parser {
  private index = 0;

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parseExpression(): FilterNode {
    if (this.peek().kind === 'end') {
      throw this.syntaxError(this.peek(), 'a field comparison such as EventCode=10; the filter is empty');
    }
    const node = this.parseAnd();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      throw this.syntaxError(rest, 'the end of the filter or another term; check for an unmatched ")"');
    }
    return node;
  }

  private parseAnd(): FilterNode {
    const children = [this.parseOr()];
    for (;;) {
      if (this.isKeyword(this.peek(), 'AND')) {
        this.next();
      } else if (!this.startsTerm(this.peek())) {
        break;
      }
      children.push(this.parseOr());
    }
    return children.length === 1 ? (children[0] as FilterNode) : { kind: 'and', children };
  }

  private parseOr(): FilterNode {
    const children = [this.parseNot()];
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next();
      children.push(this.parseNot());
    }
    return children.length === 1 ? (children[0] as FilterNode) : { kind: 'or', children };
  }

  private parseNot(): FilterNode {
    if (this.isKeyword(this.peek(), 'NOT')) {
      this.next();
      return { kind: 'not', child: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.next();
    if (token.kind === 'lparen') {
      const inner = this.parseAnd();
      this.expect('rparen', 'a closing ")" for the "(" at column ' + token.column);
      return inner;
    }
    if (token.kind === 'word' && !KEYWORDS.has(token.text)) {
      return this.parseFieldTerm(token);
    }
    if (token.kind === 'string') {
      throw this.unsupported(token, 'a quoted phrase searches the raw event text; write field="value" instead');
    }
    throw this.syntaxError(token, 'a field comparison such as EventCode=10, NOT, or "("');
  }

  private parseFieldTerm(field: Token): FilterNode {
    const following = this.peek();
    if (this.isKeyword(following, 'IN')) {
      this.next();
      return { kind: 'in', field: this.fieldName(field), values: this.parseValueList() };
    }
    if (following.kind === 'operator') {
      this.next();
      const operator = following.value as ComparisonOperator;
      return { kind: 'comparison', field: this.fieldName(field), operator, value: this.parseValue(following) };
    }
    throw this.unsupported(
      field,
      'a bare keyword searches the raw event text; write field=value (AND, OR, NOT and IN must be uppercase)',
    );
  }

  private parseValueList(): string[] {
    this.expect('lparen', '"(" to start the IN list');
    const values = [this.parseValue(undefined)];
    while (this.peek().kind === 'comma') {
      this.next();
      values.push(this.parseValue(undefined));
    }
    this.expect('rparen', '"," or ")" in the IN list');
    return values;
  }

  private parseValue(operator: Token | undefined): string {
    const token = this.next();
    if (token.kind === 'string' || (token.kind === 'word' && !KEYWORDS.has(token.text))) {
      return token.value;
    }
    const after = operator === undefined ? 'in the IN list' : `after "${operator.text}"`;
    throw this.syntaxError(token, `a value ${after}; quote a value that is a keyword or contains spaces`);
  }

  private fieldName(token: Token): string {
    if (token.value.includes('*')) {
      throw this.unsupported(token, 'wildcards in field names are not supported; name the field in full');
    }
    return token.value;
  }

  private startsTerm(token: Token): boolean {
    if (token.kind === 'lparen' || token.kind === 'string') {
      return true;
    }
    return token.kind === 'word' && token.text !== 'OR' && token.text !== 'AND';
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'word' && token.text === keyword;
  }

  private expect(kind: Token['kind'], expected: string): Token {
    const token = this.next();
    if (token.kind !== kind) {
      throw this.syntaxError(token, expected);
    }
    return token;
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') {
      this.index += 1;
    }
    return token;
  }

  private syntaxError(token: Token, expected: string): FilterError {
    const found = token.kind === 'end' ? 'the end of the filter' : `"${token.text}"`;
    const message = `Invalid filter at column ${token.column}: found ${found}, expected ${expected}.`;
    return new FilterError('FILTER_SYNTAX', message, this.source, token.column, token.text);
  }

  private unsupported(token: Token, reason: string): FilterError {
    const message = `Unsupported term "${token.text}" at column ${token.column}: ${reason}.`;
    return new FilterError('FILTER_UNSUPPORTED', message, this.source, token.column, token.text);
  }
}
