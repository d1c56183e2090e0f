import { MAX_INT32, parseDecimalInteger } from '../event/decimal-integer';
import { parseSystemTime } from '../event/system-time';
import type { EventDraft } from './event-draft';
import { EventXmlError, quoteValue } from './event-xml-error';

// The mapping from System elements to record fields, shared by the scanner and the saxes path
// so that both give the same record.

/** System children whose text is a field value. */
const TEXT_ELEMENTS = new Set([
  'EventID',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'EventRecordID',
  'Channel',
  'Computer',
]);

/** System children that carry their values in attributes and have no content. */
const ATTRIBUTE_ELEMENTS = new Set(['Provider', 'TimeCreated', 'Correlation', 'Execution', 'Security']);

export function isSystemTextElement(name: string): boolean {
  return TEXT_ELEMENTS.has(name);
}

export function isSystemAttributeElement(name: string): boolean {
  return ATTRIBUTE_ELEMENTS.has(name);
}

/**
 * Stores the text of a System text element. An integer field whose text is not a decimal integer
 * in range becomes null, and the text goes to `extra` under `System/<name>` so it is not lost.
 * Raises `invalid-event-id` for such an EventID because the record cannot exist without it.
 */
export function setSystemText(draft: EventDraft, name: string, text: string, eventIndex: number): void {
  switch (name) {
    case 'EventID':
      draft.eventId = parseEventId(text, eventIndex);
      return;
    case 'Version':
      draft.version = parseIntegerField(draft, name, text, MAX_INT32);
      return;
    case 'Level':
      draft.level = parseIntegerField(draft, name, text, MAX_INT32);
      return;
    case 'Task':
      draft.task = parseIntegerField(draft, name, text, MAX_INT32);
      return;
    case 'Opcode':
      draft.opcode = parseIntegerField(draft, name, text, MAX_INT32);
      return;
    case 'EventRecordID':
      draft.eventRecordId = parseIntegerField(draft, name, text, Number.MAX_SAFE_INTEGER);
      return;
    default:
      setSystemString(draft, name, text);
  }
}

function setSystemString(draft: EventDraft, name: string, text: string): void {
  if (name === 'Keywords') {
    draft.keywords = text;
  } else if (name === 'Channel') {
    draft.channel = text;
  } else if (name === 'Computer') {
    draft.computer = text;
  }
}

/**
 * Stores one attribute of a System element and returns false when the attribute has no field,
 * so that the caller records it in `extra` (or, in the scanner, falls back to saxes).
 */
export function setSystemAttribute(draft: EventDraft, element: string, attribute: string, value: string): boolean {
  switch (element) {
    case 'Provider':
      return setProviderAttribute(draft, attribute, value);
    case 'EventID':
      if (attribute !== 'Qualifiers') {
        return false;
      }
      draft.eventIdQualifiers = value;
      return true;
    case 'TimeCreated':
      if (attribute !== 'SystemTime') {
        return false;
      }
      draft.timeCreatedRaw = value;
      draft.timeCreated = parseSystemTime(value);
      return true;
    case 'Correlation':
      return setCorrelationAttribute(draft, attribute, value);
    case 'Execution':
      return setExecutionAttribute(draft, attribute, value);
    case 'Security':
      if (attribute !== 'UserID') {
        return false;
      }
      draft.userId = value;
      return true;
    default:
      return false;
  }
}

function setProviderAttribute(draft: EventDraft, attribute: string, value: string): boolean {
  switch (attribute) {
    case 'Name':
      draft.providerName = value;
      return true;
    case 'Guid':
      draft.providerGuid = value;
      return true;
    case 'EventSourceName':
      draft.eventSourceName = value;
      return true;
    default:
      return false;
  }
}

function setCorrelationAttribute(draft: EventDraft, attribute: string, value: string): boolean {
  if (attribute === 'ActivityID') {
    draft.activityId = value;
    return true;
  }
  if (attribute === 'RelatedActivityID') {
    draft.relatedActivityId = value;
    return true;
  }
  return false;
}

function setExecutionAttribute(draft: EventDraft, attribute: string, value: string): boolean {
  if (attribute === 'ProcessID') {
    draft.processId = parseIntegerField(draft, 'Execution/@ProcessID', value, Number.MAX_SAFE_INTEGER);
    return true;
  }
  if (attribute === 'ThreadID') {
    draft.threadId = parseIntegerField(draft, 'Execution/@ThreadID', value, Number.MAX_SAFE_INTEGER);
    return true;
  }
  return false;
}

function parseIntegerField(draft: EventDraft, path: string, text: string, max: number): number | null {
  const value = parseDecimalInteger(text, max);
  if (value === null) {
    draft.extra.push({ path: `System/${path}`, value: text });
  }
  return value;
}

function parseEventId(text: string, eventIndex: number): number {
  const value = parseDecimalInteger(text, MAX_INT32);
  if (value === null) {
    throw new EventXmlError(
      'invalid-event-id',
      `Event ${eventIndex} has System/EventID ${quoteValue(text)}, which is not a decimal integer up to ${MAX_INT32}.`,
      { eventIndex, value: text },
    );
  }
  return value;
}
