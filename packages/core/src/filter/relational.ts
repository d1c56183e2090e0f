export type RelationalOperator = '<' | '<=' | '>' | '>=';

/** Tests a present field value against the literal on the right-hand side. */
export type ValueTest = (value: string) => boolean;

// Decimal numbers as SPL reads them: optional sign, digits with an optional fraction, optional
// exponent. Hex such as 0x1478 is not a number here, so it compares as a string.
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Converts decimal text to a number, or returns undefined when the text is not a number. */
export function parseNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * Compiles `field<literal` and the other relational operators. As in Splunk's `search`, the
 * comparison is numeric when both sides are numbers and otherwise compares the strings.
 * NOTE: Splunk does not document its string order; this uses case-sensitive UTF-16 code-unit order.
 */
export function compileRelational(operator: RelationalOperator, literal: string): ValueTest {
  const compare = ORDER_TESTS[operator];
  const literalNumber = parseNumber(literal);
  if (literalNumber === undefined) {
    return (value) => compare(value, literal);
  }
  return (value) => {
    const valueNumber = parseNumber(value);
    return valueNumber === undefined ? compare(value, literal) : compare(valueNumber, literalNumber);
  };
}

type OrderTest = <T extends number | string>(left: T, right: T) => boolean;

const ORDER_TESTS: Readonly<Record<RelationalOperator, OrderTest>> = {
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
  '>': (left, right) => left > right,
  '>=': (left, right) => left >= right,
};
