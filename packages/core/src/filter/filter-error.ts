/** Closed list of reasons a filter expression is rejected. */
export type FilterErrorCode =
  /** The text does not follow the search-command grammar. */
  | 'FILTER_SYNTAX'
  /** Valid SPL that this matcher does not implement, such as bare keywords or a pipe. */
  | 'FILTER_UNSUPPORTED';

/** A filter expression that cannot be compiled, with the spot in the source text. */
export class FilterError extends Error {
  override readonly name = 'FilterError';

  constructor(
    readonly code: FilterErrorCode,
    /** The problem and its fix without the filter text, for callers that show the text elsewhere. */
    readonly problem: string,
    /** The whole filter text. */
    readonly source: string,
    /** 1-based column of the offending token. */
    readonly column: number,
    /** The offending token as written, or "" at the end of the text. */
    readonly token: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem} Filter: ${source}`, options);
  }
}
