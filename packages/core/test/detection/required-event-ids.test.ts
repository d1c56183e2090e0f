import { parseFilter } from '../../src/filter';
import { requiredEventIds } from '../../src/detection/required-event-ids';

const cases: Array<[string, number[] | undefined]> = [
  ['EventCode=10 SourceImage="*\\\\wmiprvse.exe"', [10]],
  ['EventID IN (1, 10)', [1, 10]],
  ['EventCode=10 OR EventCode=8', [8, 10]],
  ['EventCode=10 OR Image=x', undefined],
  ['NOT EventCode=10', undefined],
  ['EventCode=1* Image=x', undefined],
  ['EventCode!=10', undefined],
  ['EventCode=010', []],
  ['EventCode=10 EventCode=8', []],
  ['Image="*\\\\cmd.exe"', undefined],
];

test.each(cases)('requiredEventIds of %s', (source, expected) => {
  const ids = requiredEventIds(parseFilter(source));

  expect(ids === undefined ? undefined : [...ids].sort((a, b) => a - b)).toEqual(expected);
});
