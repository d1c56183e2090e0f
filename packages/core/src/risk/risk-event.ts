/**
 * One risk event per (window, group), as SIEMs consume it. The field names are a contract
 * and match schemas/risk-event.schema.json and schemas/risk-event.avsc.
 */
export interface RiskEvent {
  /** Hex SHA-256 of detection id, window start and group values, so a re-publish carries the same id. */
  id: string;
  search_name: string;
  detection_id: string;
  /** Value of the by-field that the detection names as risk object, e.g. dest. */
  risk_object: string;
  risk_object_type: string;
  risk_score: number;
  impact: number;
  confidence: number;
  /** The detection's message template with every `$field$` replaced by the group's value. */
  risk_message: string;
  annotations: { mitre_attack: string[] };
  analyticstories: string[];
  SourceImage: string;
  TargetImage: string;
  SourceProcessGUID: string;
  TargetProcessGUID: string;
  SourceProcessId: string;
  TargetProcessId: string;
  GrantedAccess: string;
  CallTrace: string;
  dest: string;
  /** Distinct events in the group and window. */
  count: number;
  /** Earliest event time as `%Y-%m-%dT%H:%M:%S` in the configured time zone. */
  firstTime: string;
  /** Latest event time as `%Y-%m-%dT%H:%M:%S` in the configured time zone. */
  lastTime: string;
  /** Earliest event time in epoch seconds with microseconds. */
  first_time_epoch: number;
  /** Latest event time in epoch seconds with microseconds. */
  last_time_epoch: number;
  /** Window start as ISO 8601 UTC, e.g. 2020-08-06T06:50:00Z. */
  window_start: string;
  /** Window end (exclusive) as ISO 8601 UTC. */
  window_end: string;
  /** Epoch second at which the window closes: window end + grace. */
  _time: number;
}

/** The by-fields that a risk event carries under their SPL names, in the search's order. */
export const RISK_EVENT_BY_FIELDS = [
  'SourceImage',
  'TargetImage',
  'SourceProcessGUID',
  'TargetProcessGUID',
  'SourceProcessId',
  'TargetProcessId',
  'GrantedAccess',
  'CallTrace',
  'dest',
] as const satisfies readonly (keyof RiskEvent)[];

export type RiskEventByField = (typeof RISK_EVENT_BY_FIELDS)[number];
