import { groupKey } from '../../src/window/group-key';

describe('groupKey', () => {
  test.each([
    ['values cannot run together', ['ab', 'c'], ['a', 'bc']],
    ['comma inside a value', ['a,b'], ['a', 'b']],
    ['quote inside a value', ['a","b'], ['a', 'b']],
    ['case matters', ['C:\\Windows\\WmiPrvSE.exe'], ['C:\\Windows\\wmiprvse.exe']],
    ['trailing space matters', ['ping '], ['ping']],
  ])('%s', (_case, left, right) => {
    expect(groupKey(left)).not.toBe(groupKey(right));
  });

  test('equal values give equal keys', () => {
    expect(groupKey(['x', 'y'])).toBe(groupKey(['x', 'y']));
  });
});
