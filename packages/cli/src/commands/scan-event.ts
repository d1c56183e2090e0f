import { eventIdentity, type CompiledDetection, type WindowedEvent, type WindowsEvent } from '@riskstream/core';
import { incrementCount, type ScanSummary } from './scan-summary';

/**
 * Runs the detection on one normalized event and returns what the window aggregation needs, or
 * undefined when the event is ignored, excluded or dropped. Each outcome is counted in `summary`.
 */
export function detectEvent(
  event: WindowsEvent,
  detection: CompiledDetection,
  summary: ScanSummary,
): WindowedEvent | undefined {
  const outcome = detection.classify(event);
  if (outcome === 'excluded') {
    summary.excluded += 1;
  }
  if (outcome !== 'matched') {
    return undefined;
  }
  summary.matched += 1;
  const groupValues = completeGroupValues(event, detection, summary);
  if (groupValues === undefined) {
    return undefined;
  }
  if (event.timeCreated === null || event.timeCreatedRaw === null) {
    summary.invalidTime += 1;
    return undefined;
  }
  return {
    groupValues,
    identity: eventIdentity(event.computer ?? '', event.channel ?? '', recordId(event), event.timeCreatedRaw),
    timeMicros: event.timeCreated,
  };
}

/** Returns the by-field values, or undefined after counting every absent or empty field. */
function completeGroupValues(
  event: WindowsEvent,
  detection: CompiledDetection,
  summary: ScanSummary,
): string[] | undefined {
  const values = detection.groupValues(event);
  const missing = detection.detection.byFields.filter((_field, index) => values[index] === undefined);
  if (missing.length === 0) {
    return values as string[];
  }
  summary.missingByField += 1;
  missing.forEach((field) => incrementCount(summary.missingByFieldNames, field));
  return undefined;
}

// NOTE: a record without a parseable EventRecordID gets "" here, so two such records of one host
// and channel with the same SystemTime count once.
function recordId(event: WindowsEvent): string {
  return event.eventRecordId === null ? '' : String(event.eventRecordId);
}
