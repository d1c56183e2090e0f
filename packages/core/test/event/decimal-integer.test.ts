import { MAX_INT32, parseDecimalInteger } from '../../src/event';

describe('parseDecimalInteger', () => {
  it.each([
    ['zero', '0', 0],
    ['leading zeros', '0042', 42],
    ['int maximum', '2147483647', MAX_INT32],
  ])('%s', (_label, text, expected) => {
    expect(parseDecimalInteger(text, MAX_INT32)).toBe(expected);
  });

  it('safe maximum', () => {
    expect(parseDecimalInteger('9007199254740991', Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ['empty', ''],
    ['negative', '-1'],
    ['plus sign', '+1'],
    ['space', ' 1'],
    ['hex', '0x10'],
    ['decimal point', '1.0'],
    ['above maximum', '2147483648'],
  ])('rejects %s', (_label, text) => {
    expect(parseDecimalInteger(text, MAX_INT32)).toBeNull();
  });

  it('rejects past safe range', () => {
    expect(parseDecimalInteger('9007199254740993', Number.MAX_SAFE_INTEGER)).toBeNull();
  });
});
