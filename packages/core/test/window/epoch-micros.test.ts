import { floorMicrosToSeconds, microsToEpochSeconds } from '../../src/window/epoch-micros';

describe('floorMicrosToSeconds', () => {
  test.each([
    ['whole second', 1596700601000000, 1596700601],
    ['just below next second', 1596700601999999, 1596700601],
    ['zero', 0, 0],
    ['1 µs before epoch', -1, -1],
    ['whole second before epoch', -2000000, -2],
    ['-Infinity', -Infinity, -Infinity],
  ])('%s', (_case, micros, seconds) => {
    expect(floorMicrosToSeconds(micros)).toBe(seconds);
  });
});

describe('microsToEpochSeconds', () => {
  test.each([
    [1596700601439000, '1596700601.439'],
    [1596700601000001, '1596700601.000001'],
    [1596700601999999, '1596700601.999999'],
    [1710154199999999, '1710154199.999999'],
    [4294967295999999, '4294967295.999999'],
  ])('%d µs prints as %s', (micros, text) => {
    expect(String(microsToEpochSeconds(micros))).toBe(text);
  });

  test('keeps every microsecond near 1.6e9 s', () => {
    const base = Date.UTC(2020, 7, 6, 7, 56, 41) * 1000;
    const mismatches: number[] = [];
    for (let offset = 0; offset < 1_000_000; offset += 7) {
      const micros = base + offset;
      const expected = `${(micros - offset) / 1e6}.${String(offset).padStart(6, '0')}`.replace(/\.?0+$/, '');
      if (String(microsToEpochSeconds(micros)) !== expected) {
        mismatches.push(micros);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
