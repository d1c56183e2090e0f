import { FilterError } from '../../src/filter/filter-error';
import { tokenize } from '../../src/filter/tokenizer';

function kindsAndValues(source: string): string[] {
  return tokenize(source).map((token) => `${token.kind}:${token.value}`);
}

describe('tokenize', () => {
  it('splits field, operator, value', () => {
    expect(kindsAndValues('EventCode=10')).toEqual(['word:EventCode', 'operator:=', 'word:10', 'end:']);
  });

  it('allows spaces around operator', () => {
    expect(kindsAndValues('SourceImage = "x"')).toEqual(['word:SourceImage', 'operator:=', 'string:x', 'end:']);
  });

  it.each([
    ['!=', 'a!=b'],
    ['<=', 'a<=b'],
    ['>=', 'a>=b'],
    ['<', 'a<b'],
    ['>', 'a>b'],
  ])('reads operator %s', (operator, source) => {
    expect(tokenize(source)[1]?.value).toBe(operator);
  });

  it('reads IN list punctuation', () => {
    expect(kindsAndValues('GrantedAccess IN ("0x1478","0x1fffff")')).toEqual([
      'word:GrantedAccess',
      'word:IN',
      'lparen:(',
      'string:0x1478',
      'comma:,',
      'string:0x1fffff',
      'rparen:)',
      'end:',
    ]);
  });

  it.each([
    ['double backslash', String.raw`"*\\wmiprvse.exe"`, String.raw`*\wmiprvse.exe`],
    ['escaped quote', String.raw`"say \"hi\""`, 'say "hi"'],
    ['escaped pipe', String.raw`"a\|b"`, 'a|b'],
    ['unknown escape kept', String.raw`"C:\Windows"`, String.raw`C:\Windows`],
    ['escaped asterisk kept', String.raw`"a\*"`, String.raw`a\*`],
  ])('unescapes quoted %s', (_name, source, expected) => {
    expect(tokenize(source)[0]?.value).toBe(expected);
  });

  it('unescapes unquoted words', () => {
    expect(tokenize(String.raw`*\\wmiprvse.exe`)[0]?.value).toBe(String.raw`*\wmiprvse.exe`);
  });

  it('keeps raw text of quoted token', () => {
    expect(tokenize(String.raw`"a\\b"`)[0]?.text).toBe(String.raw`"a\\b"`);
  });

  it('keeps lone exclamation in word', () => {
    expect(tokenize('Name=hello!')[2]?.value).toBe('hello!');
  });

  it('records 1-based columns', () => {
    expect(tokenize('a=1  b=2').map((token) => token.column)).toEqual([1, 2, 3, 6, 7, 8, 9]);
  });

  it('rejects unterminated quote', () => {
    expect(() => tokenize('SourceImage="abc')).toThrow(/Unterminated quoted string starting at column 13/);
  });

  it('rejects quote closed by escape', () => {
    expect(() => tokenize(String.raw`a="C:\"`)).toThrow(FilterError);
  });

  it('rejects pipe with unsupported code', () => {
    const error = captureError(() => tokenize('EventCode=10 | stats count'));
    expect(error.code).toBe('FILTER_UNSUPPORTED');
    expect(error.column).toBe(14);
  });
});

function captureError(action: () => unknown): FilterError {
  try {
    action();
  } catch (error) {
    if (error instanceof FilterError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a FilterError, but the call returned normally');
}
