// Constants of the MurmurHash2 variant that Apache Kafka's default partitioner uses
// (org.apache.kafka.common.utils.Utils.murmur2); kafkajs's default partitioner uses the same.
const SEED = 0x9747b28c;
const MULTIPLIER = 0x5bd1e995;
const SHIFT = 24;

/**
 * Hashes bytes with Kafka's MurmurHash2 variant. Returns the same 32 bits as Kafka's Java
 * `Utils.murmur2`, read as an unsigned integer; `| 0` gives Java's signed int.
 */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const tailStart = length - (length % 4);
  let hash = (SEED ^ length) | 0;
  for (let offset = 0; offset < tailStart; offset += 4) {
    hash = Math.imul(hash, MULTIPLIER) ^ mixWord(readLittleEndian(data, offset));
  }
  hash = mixTail(hash, data, tailStart);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, MULTIPLIER);
  hash ^= hash >>> 15;
  return hash >>> 0;
}

function readLittleEndian(data: Uint8Array, offset: number): number {
  const byte = (index: number): number => data[offset + index] ?? 0;
  return byte(0) | (byte(1) << 8) | (byte(2) << 16) | (byte(3) << 24);
}

function mixWord(word: number): number {
  let mixed = Math.imul(word, MULTIPLIER);
  mixed ^= mixed >>> SHIFT;
  return Math.imul(mixed, MULTIPLIER);
}

// The last one to three bytes are folded in from the highest to the lowest.
function mixTail(hash: number, data: Uint8Array, tailStart: number): number {
  const remaining = data.length - tailStart;
  if (remaining === 0) {
    return hash;
  }
  let mixed = hash;
  if (remaining === 3) {
    mixed ^= (data[tailStart + 2] ?? 0) << 16;
  }
  if (remaining >= 2) {
    mixed ^= (data[tailStart + 1] ?? 0) << 8;
  }
  mixed ^= data[tailStart] ?? 0;
  return Math.imul(mixed, MULTIPLIER);
}

/** Returns the partition Kafka's default partitioner (Java and kafkajs) picks for a string key. */
export function partitionForKey(key: string, partitionCount: number): number {
  return (murmur2(Buffer.from(key, 'utf8')) & 0x7fffffff) % partitionCount;
}
