import { createHash } from 'node:crypto';

/**
 * Computes the risk event id: hex SHA-256 over the detection id, the window start and the group
 * values. Each part is hashed as `<UTF-8 byte length>:<bytes>`, so ["ab", "c"] and ["a", "bc"]
 * differ. Changing this encoding changes every id, so SIEMs would see re-publishes as new events.
 */
export function riskEventId(detectionId: string, windowStart: number, groupValues: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of [detectionId, String(windowStart), ...groupValues]) {
    hash.update(`${Buffer.byteLength(part, 'utf8')}:`, 'utf8');
    hash.update(part, 'utf8');
  }
  return hash.digest('hex');
}
