import { encodeGroupKey, groupHash, groupValues, isCompleteGroup } from '../../src/detection/group-key';
import { processAccessEvent } from './support/process-access-event';

const BY_FIELDS = ['SourceImage', 'CallTrace', 'dest'];

describe('groupValues', () => {
  it('keeps value case', () => {
    const values = groupValues(processAccessEvent({ SourceImage: String.raw`C:\Windows\WmiPrvSE.exe` }), BY_FIELDS);
    expect(values[0]).toBe(String.raw`C:\Windows\WmiPrvSE.exe`);
  });

  it('gives undefined for empty value', () => {
    expect(groupValues(processAccessEvent({ CallTrace: '' }), BY_FIELDS)[1]).toBeUndefined();
  });
});

describe('isCompleteGroup', () => {
  it.each([
    [['a', 'b'], true],
    [['a', undefined], false],
    [[], true],
  ])('checks %j', (values, expected) => {
    expect(isCompleteGroup(values)).toBe(expected);
  });
});

describe('encodeGroupKey', () => {
  it('length-prefixes UTF-8 values', () => {
    expect([...encodeGroupKey(['ab', 'é'])]).toEqual([0, 0, 0, 2, 0x61, 0x62, 0, 0, 0, 2, 0xc3, 0xa9]);
  });

  it('marks null with FF bytes', () => {
    expect([...encodeGroupKey([undefined, ''])]).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
  });

  it('encodes no values as empty', () => {
    expect(encodeGroupKey([]).length).toBe(0);
  });
});

describe('groupHash', () => {
  it('separates split boundaries', () => {
    expect(groupHash(['a,b'])).not.toBe(groupHash(['a', 'b']));
  });

  it('separates null from empty', () => {
    expect(groupHash([undefined])).not.toBe(groupHash(['']));
  });

  it('separates value case', () => {
    expect(groupHash([String.raw`C:\Windows`])).not.toBe(groupHash([String.raw`C:\windows`]));
  });

  // Pinned so that a change to the encoding or hash, which would move groups between Kafka
  // partitions, fails here first.
  it('stays stable for a known group', () => {
    expect(groupHash(['WORKSTATION6.theshire.local', '0x1fffff'])).toBe(PINNED_HASH);
  });

  it('returns unsigned 32-bit', () => {
    const hash = groupHash(['PC04.example.corp']);
    expect(Number.isInteger(hash)).toBe(true);
    expect(hash).toBeGreaterThanOrEqual(0);
    expect(hash).toBeLessThanOrEqual(0xffffffff);
  });
});

// Cross-checked against the murmur2 of kafkajs 2 over the same bytes.
const PINNED_HASH = 153172050;
