import { latestSystemTimeSeconds, shiftEventTimes } from '../../src/replay';

const event =
  "<Event><System><TimeCreated SystemTime='2020-08-06T07:56:41.4390000Z'/></System>" +
  "<EventData><Data Name='UtcTime'>2020-08-06 07:56:41.439</Data><Data Name='SourceImage'>x</Data></EventData></Event>";

test('latestSystemTimeSeconds reads SystemTime', () => {
  expect(latestSystemTimeSeconds(event)).toBe(Date.UTC(2020, 7, 6, 7, 56, 41) / 1000);
});

test('latestSystemTimeSeconds without SystemTime', () => {
  expect(latestSystemTimeSeconds('<Event/>')).toBeUndefined();
});

test('shiftEventTimes moves SystemTime and UtcTime', () => {
  const shifted = shiftEventTimes(event, 86_400 + 3_600);

  expect(shifted).toContain("SystemTime='2020-08-07T08:56:41.4390000Z'");
  expect(shifted).toContain("<Data Name='UtcTime'>2020-08-07 08:56:41.439</Data>");
});

test('shiftEventTimes keeps nine fraction digits', () => {
  const shifted = shiftEventTimes('<TimeCreated SystemTime="2019-03-17T19:37:11.661930400Z"/>', 60);

  expect(shifted).toBe('<TimeCreated SystemTime="2019-03-17T19:38:11.661930400Z"/>');
});

test('shiftEventTimes crosses a year boundary', () => {
  const shifted = shiftEventTimes("<TimeCreated SystemTime='2020-12-31T23:59:59.5Z'/>", 2);

  expect(shifted).toBe("<TimeCreated SystemTime='2021-01-01T00:00:01.5Z'/>");
});

test('shiftEventTimes rejects fractional seconds', () => {
  expect(() => shiftEventTimes(event, 0.5)).toThrow(RangeError);
});
