import type { WindowsEvent } from '../event/windows-event';
import { EventXmlError } from './event-xml-error';

/** A record while its XML is read: every field starts absent and EventID may still be missing. */
export type EventDraft = Omit<WindowsEvent, 'eventId'> & { eventId: number | null };

/** Creates a draft with every field absent. Both parsers start from it, so records share one shape. */
export function createEventDraft(): EventDraft {
  return {
    providerName: null,
    providerGuid: null,
    eventSourceName: null,
    eventId: null,
    eventIdQualifiers: null,
    version: null,
    level: null,
    task: null,
    opcode: null,
    keywords: null,
    timeCreatedRaw: null,
    timeCreated: null,
    eventRecordId: null,
    activityId: null,
    relatedActivityId: null,
    processId: null,
    threadId: null,
    channel: null,
    computer: null,
    userId: null,
    eventData: null,
    binary: null,
    userData: null,
    renderingInfo: null,
    extra: [],
  };
}

/** Returns the draft as a record, or raises `missing-event-id` when it has no System/EventID. */
export function finishEvent(draft: EventDraft, eventIndex: number, offset: number): WindowsEvent {
  if (!hasEventId(draft)) {
    throw new EventXmlError(
      'missing-event-id',
      `Event ${eventIndex} (offset ${offset}) has no System/EventID element; every Windows event needs one.`,
      { offset, eventIndex },
    );
  }
  return draft;
}

function hasEventId(draft: EventDraft): draft is WindowsEvent {
  return draft.eventId !== null;
}
