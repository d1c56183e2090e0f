import { parseSystemTime } from '../../src/event';

const BASE = Date.UTC(2019, 2, 17, 19, 37, 11) * 1000;

describe('parseSystemTime', () => {
  it.each([
    ['9 fraction digits', '2019-03-17T19:37:11.661930400Z', BASE + 661930],
    ['7 fraction digits', '2019-03-17T19:37:11.6619304Z', BASE + 661930],
    ['6 fraction digits', '2019-03-17T19:37:11.661930Z', BASE + 661930],
    ['3 fraction digits', '2019-03-17T19:37:11.661Z', BASE + 661000],
    ['1 fraction digit', '2019-03-17T19:37:11.6Z', BASE + 600000],
    ['no fraction', '2019-03-17T19:37:11Z', BASE],
    ['python-evtx form', '2019-03-17 19:37:11.661928', BASE + 661928],
    ['no zone', '2019-03-17T19:37:11.5', BASE + 500000],
    ['positive offset', '2019-03-17T21:37:11+02:00', BASE],
    ['negative offset', '2019-03-17T14:07:11-05:30', BASE],
    ['leap day', '2020-02-29T00:00:00Z', Date.UTC(2020, 1, 29) * 1000],
    ['epoch', '1970-01-01T00:00:00Z', 0],
    ['before epoch', '1969-12-31T23:59:59.999999Z', -1],
    ['year 2000', '2000-03-01T00:00:00Z', Date.UTC(2000, 2, 1) * 1000],
  ])('%s', (_label, raw, expected) => {
    expect(parseSystemTime(raw)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['date only', '2019-03-17'],
    ['10 fraction digits', '2019-03-17T19:37:11.6619304001Z'],
    ['empty fraction', '2019-03-17T19:37:11.Z'],
    ['month 13', '2019-13-17T19:37:11Z'],
    ['February 29 in 2019', '2019-02-29T00:00:00Z'],
    ['February 29 in 1900', '1900-02-29T00:00:00Z'],
    ['April 31', '2019-04-31T00:00:00Z'],
    ['hour 24', '2019-03-17T24:00:00Z'],
    ['leap second', '2016-12-31T23:59:60Z'],
    ['slash date', '2019/03/17 19:37:11'],
    ['lowercase z', '2019-03-17T19:37:11z'],
    ['offset without colon', '2019-03-17T19:37:11+0200'],
    ['trailing text', '2019-03-17T19:37:11Z junk'],
    ['leading space', ' 2019-03-17T19:37:11Z'],
    ['beyond safe integers', '2300-01-01T00:00:00Z'],
  ])('rejects %s', (_label, raw) => {
    expect(parseSystemTime(raw)).toBeNull();
  });
});
