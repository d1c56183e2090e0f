import type { RiskEvent } from './risk-event';

const NUMERIC_FIELDS = [
  'risk_score',
  'impact',
  'confidence',
  'count',
  'first_time_epoch',
  'last_time_epoch',
  '_time',
] as const satisfies readonly (keyof RiskEvent)[];

/**
 * Encodes the risk event as UTF-8 JSON for the risk-events topic. Throws on a non-finite number,
 * which JSON would silently write as null and the schema rejects.
 */
export function serializeRiskEventJson(event: RiskEvent): Buffer {
  for (const field of NUMERIC_FIELDS) {
    if (!Number.isFinite(event[field])) {
      throw new RangeError(`risk event ${event.id} has invalid ${field} ${event[field]}: expected a finite number`);
    }
  }
  return Buffer.from(JSON.stringify(event), 'utf8');
}
