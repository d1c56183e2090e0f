/**
 * One Windows event record, normalized from its XML rendering.
 *
 * Absent and empty stay different: an element or attribute that the XML does not contain is
 * `null`, while `<X></X>` and `<X/>` give "". Values are kept exactly as decoded, never trimmed.
 */
export interface WindowsEvent {
  /** System/Provider/@Name. */
  providerName: string | null;
  /** System/Provider/@Guid, with braces and case as written. */
  providerGuid: string | null;
  /** System/Provider/@EventSourceName, written by classic (pre-Vista) event sources. */
  eventSourceName: string | null;
  /** System/EventID text, the only required field. */
  eventId: number;
  /** System/EventID/@Qualifiers as written, so `Qualifiers=""` stays distinct from no attribute. */
  eventIdQualifiers: string | null;
  /** System/Version, or null when absent or not a decimal integer (the text then goes to `extra`). */
  version: number | null;
  level: number | null;
  task: number | null;
  opcode: number | null;
  /** System/Keywords as written, such as `0x8000000000000000`. */
  keywords: string | null;
  /** System/TimeCreated/@SystemTime exactly as written. */
  timeCreatedRaw: string | null;
  /** `timeCreatedRaw` in microseconds since the Unix epoch (UTC), or null when absent or unparseable. */
  timeCreated: number | null;
  eventRecordId: number | null;
  /** System/Correlation/@ActivityID. */
  activityId: string | null;
  relatedActivityId: string | null;
  /** System/Execution/@ProcessID. */
  processId: number | null;
  threadId: number | null;
  channel: string | null;
  computer: string | null;
  /** System/Security/@UserID, a SID such as `S-1-5-18`. */
  userId: string | null;
  /** EventData/Data elements in document order, or null when the event has no EventData element. */
  eventData: EventDataItem[] | null;
  /** EventData/Binary text (hex digits as Windows renders them). */
  binary: string | null;
  /** Inner XML of UserData in canonical form (see serializeXmlChildren). */
  userData: string | null;
  /** Inner XML of RenderingInfo in canonical form. Its Level/Task/Opcode never fill the System fields. */
  renderingInfo: string | null;
  /** Elements, attributes and text that have no field above, in document order. */
  extra: ExtraNode[];
}

/** One `<Data>` element. Classic events write `<Data>` without a Name, so `name` is null there. */
export interface EventDataItem {
  name: string | null;
  value: string;
}

/**
 * An XML node without a field of its own. `path` is relative to the Event element, such as
 * `System/Execution/@ProcessorID`, `EventData/Data[2]/@Type` (1-based) or `ProcessingErrorData`.
 * For an element, `value` is its canonical inner XML and its attributes get entries of their own.
 */
export interface ExtraNode {
  path: string;
  value: string;
}
