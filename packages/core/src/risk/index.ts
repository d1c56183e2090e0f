export { buildRiskEvent, buildRiskEvents } from './build-risk-event';
export type { RiskEventOptions } from './build-risk-event';
export { RISK_EVENT_BY_FIELDS } from './risk-event';
export type { RiskEvent, RiskEventByField } from './risk-event';
export { riskEventId } from './risk-event-id';
export { renderRiskMessage, templatePlaceholders, validateTemplate } from './risk-message';
export { serializeRiskEventJson } from './serialize-risk-event';
export { formatIsoUtc, formatTimestamp, validateTimeZone } from './time-format';
export { validateRiskDetection } from './validate-risk-detection';
