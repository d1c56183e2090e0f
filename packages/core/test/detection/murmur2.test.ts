import { murmur2 } from '../../src/detection/murmur2';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('murmur2', () => {
  // Expected values are the signed results of Kafka's Java Utils.murmur2 for these keys.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %j like Kafka', (key, expected) => {
    expect(murmur2(utf8(key)) | 0).toBe(expected);
  });

  it.each([
    ['', 0],
    ['a', 1],
    ['ab', 2],
    ['abc', 3],
  ])('returns unsigned for tail %j', (key) => {
    expect(murmur2(utf8(key))).toBeGreaterThanOrEqual(0);
  });
});
