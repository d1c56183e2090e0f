import { FilterError } from './filter-error';
import type { Token, TokenKind } from './token';

// Splunk documents backslash escapes for the double quote, the pipe and the backslash itself, and
// none for `*`, which is always a wildcard. NOTE: any other backslash is kept with the character
// after it (`\s` stays `\s`); that case is not checked against Splunk.
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '|': '|' };

const PUNCTUATION: Readonly<Record<string, TokenKind>> = { '(': 'lparen', ')': 'rparen', ',': 'comma' };

/** Splits an SPL search expression into tokens, ending with one `end` token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (isWhitespace(char)) {
      index += 1;
      continue;
    }
    const token = readToken(source, index);
    tokens.push(token);
    index += token.text.length;
  }
  tokens.push({ kind: 'end', text: '', value: '', column: source.length + 1 });
  return tokens;
}

function readToken(source: string, index: number): Token {
  const char = source.charAt(index);
  const punctuation = PUNCTUATION[char];
  if (punctuation !== undefined) {
    return { kind: punctuation, text: char, value: char, column: index + 1 };
  }
  if (char === '"') {
    return readQuoted(source, index);
  }
  const operator = readOperator(source, index);
  if (operator !== undefined) {
    return { kind: 'operator', text: operator, value: operator, column: index + 1 };
  }
  if (char === '|') {
    throw new FilterError(
      'FILTER_UNSUPPORTED',
      `Unsupported pipe at column ${index + 1}: a filter holds one search expression, ` +
        'so drop the later commands or quote the "|".',
      source,
      index + 1,
      '|',
    );
  }
  return readWord(source, index);
}

function readOperator(source: string, index: number): string | undefined {
  const pair = source.slice(index, index + 2);
  if (pair === '!=' || pair === '<=' || pair === '>=') {
    return pair;
  }
  const char = source.charAt(index);
  return char === '=' || char === '<' || char === '>' ? char : undefined;
}

function readQuoted(source: string, start: number): Token {
  let value = '';
  let index = start + 1;
  while (index < source.length) {
    const char = source.charAt(index);
    if (char === '"') {
      return { kind: 'string', text: source.slice(start, index + 1), value, column: start + 1 };
    }
    if (char === '\\' && index + 1 < source.length) {
      value += unescapePair(source.charAt(index + 1));
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  throw new FilterError(
    'FILTER_SYNTAX',
    `Unterminated quoted string starting at column ${start + 1}: ` +
      'add the closing double quote, or write \\" for a quote inside the value.',
    source,
    start + 1,
    source.slice(start),
  );
}

function readWord(source: string, start: number): Token {
  let value = '';
  let index = start;
  while (index < source.length) {
    const char = source.charAt(index);
    if (endsWord(source, index)) {
      break;
    }
    if (char === '\\' && index + 1 < source.length) {
      value += unescapePair(source.charAt(index + 1));
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  return { kind: 'word', text: source.slice(start, index), value, column: start + 1 };
}

function endsWord(source: string, index: number): boolean {
  const char = source.charAt(index);
  if (isWhitespace(char) || char in PUNCTUATION || char === '"' || char === '|') {
    return true;
  }
  return readOperator(source, index) !== undefined;
}

function unescapePair(next: string): string {
  return ESCAPES[next] ?? `\\${next}`;
}

function isWhitespace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}
