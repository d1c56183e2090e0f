export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type TokenKind = 'word' | 'string' | 'operator' | 'lparen' | 'rparen' | 'comma' | 'end';

/** One lexical unit of a search expression. */
export interface Token {
  kind: TokenKind;
  /** The token exactly as written in the source, quotes and backslashes included. */
  text: string;
  /** The value after SPL unescaping; for `operator` tokens, the operator itself. */
  value: string;
  /** 1-based column where the token starts. */
  column: number;
}
