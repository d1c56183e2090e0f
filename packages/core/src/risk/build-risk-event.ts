import type { Detection } from '../detection/detection';
import type { ClosedWindow, WindowGroup } from '../window/closed-window';
import { microsToEpochSeconds } from '../window/epoch-micros';
import { closesAt } from '../window/time-window';
import type { TimeWindow } from '../window/time-window';
import { RISK_EVENT_BY_FIELDS } from './risk-event';
import type { RiskEvent, RiskEventByField } from './risk-event';
import { riskEventId } from './risk-event-id';
import { renderRiskMessage } from './risk-message';
import { formatIsoUtc, formatTimestamp } from './time-format';
import { validateRiskDetection } from './validate-risk-detection';

export interface RiskEventOptions {
  /** IANA time zone of firstTime and lastTime, UTC when absent. */
  timeZone?: string;
}

/**
 * Builds the risk event of one group of a closed window. Throws when the detection fails
 * `validateRiskDetection`, the group has the wrong number of values or the time zone is invalid.
 */
export function buildRiskEvent(
  detection: Detection,
  window: TimeWindow,
  group: WindowGroup,
  options: RiskEventOptions = {},
): RiskEvent {
  validateRiskDetection(detection);
  const values = valuesByField(detection.byFields, group.values);
  const timeZone = options.timeZone ?? 'UTC';
  const firstTime = formatTimestamp(group.minMicros, timeZone);
  const lastTime = formatTimestamp(group.maxMicros, timeZone);
  // The message may also name the stats result fields, rendered as the event shows them.
  const messageValues = new Map([
    ...values,
    ['count', String(group.count)],
    ['firstTime', firstTime],
    ['lastTime', lastTime],
  ]);
  return {
    id: riskEventId(detection.id, window.start, group.values),
    search_name: detection.searchName,
    detection_id: detection.id,
    risk_object: values.get(detection.risk.objectField) ?? '',
    risk_object_type: detection.risk.objectType,
    risk_score: detection.risk.score,
    impact: detection.risk.impact,
    confidence: detection.risk.confidence,
    risk_message: renderRiskMessage(detection.risk.messageTemplate, messageValues),
    annotations: { mitre_attack: [...detection.annotations.mitreAttack] },
    analyticstories: [...detection.annotations.analyticStories],
    ...byFieldColumns(values),
    count: group.count,
    firstTime,
    lastTime,
    first_time_epoch: microsToEpochSeconds(group.minMicros),
    last_time_epoch: microsToEpochSeconds(group.maxMicros),
    window_start: formatIsoUtc(window.start),
    window_end: formatIsoUtc(window.end),
    _time: closesAt(window, detection.window),
  };
}

/** Builds the risk events of every group of a closed window, in the window's group order. */
export function buildRiskEvents(
  detection: Detection,
  closed: ClosedWindow,
  options: RiskEventOptions = {},
): RiskEvent[] {
  return closed.groups.map((group) => buildRiskEvent(detection, closed.window, group, options));
}

function valuesByField(byFields: readonly string[], values: readonly string[]): Map<string, string> {
  if (values.length !== byFields.length) {
    throw new Error(
      `group has ${values.length} values but the search has ${byFields.length} by-fields (${byFields.join(', ')}): ` +
        'build WindowedEvent.groupValues from the detection byFields',
    );
  }
  return new Map(byFields.map((field, index) => [field, values[index] ?? '']));
}

function byFieldColumns(values: ReadonlyMap<string, string>): Record<RiskEventByField, string> {
  const columns = {} as Record<RiskEventByField, string>;
  for (const field of RISK_EVENT_BY_FIELDS) {
    columns[field] = values.get(field) ?? '';
  }
  return columns;
}
