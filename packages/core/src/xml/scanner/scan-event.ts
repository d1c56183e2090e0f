import type { WindowsEvent } from '../../event/windows-event';
import type { EventDraft } from '../event-draft';
import { createEventDraft, finishEvent } from '../event-draft';
import { EVENT_NAMESPACE } from '../xml-node';
import type { ScanCursor } from './scan-cursor';
import { scanEventData } from './scan-event-data';
import { scanSystem } from './scan-system';
import { scanXmlContainer } from './scan-xml-container';

const EVENT_CHILDREN = ['System', 'EventData', 'UserData', 'RenderingInfo'] as const;

/** Scans one `<Event>` whose name the caller has read; `start` is the offset of its `<`. */
export function scanEvent(cursor: ScanCursor, eventIndex: number, start: number): WindowsEvent {
  const draft = createEventDraft();
  const selfClosing = cursor.readAttributes();
  for (let i = 0; i < cursor.attributeCount; i++) {
    if (cursor.attributeNames[i] !== 'xmlns' || cursor.attributeValues[i] !== EVENT_NAMESPACE) {
      cursor.fallback('Event attribute other than the event namespace');
    }
  }
  if (!selfClosing) {
    scanEventChildren(cursor, draft, eventIndex);
  }
  return finishEvent(draft, eventIndex, start);
}

function scanEventChildren(cursor: ScanCursor, draft: EventDraft, eventIndex: number): void {
  // One bit per child seen, so a repeat is found without allocating a set per event.
  let seen = 0;
  let next = 0;
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.atEndTag()) {
      cursor.expectEndTag('Event');
      return;
    }
    const index = cursor.matchStartTag(EVENT_CHILDREN, next);
    const name = EVENT_CHILDREN[index];
    if (name === undefined || (seen & (1 << index)) !== 0) {
      cursor.fallback('Event child other than one System, EventData, UserData and RenderingInfo');
    }
    seen |= 1 << index;
    next = index + 1;
    cursor.skipName(name);
    scanEventChild(cursor, draft, name, eventIndex);
  }
}

function scanEventChild(cursor: ScanCursor, draft: EventDraft, name: string, eventIndex: number): void {
  switch (name) {
    case 'System':
      scanSystem(cursor, draft, eventIndex);
      return;
    case 'EventData':
      scanEventData(cursor, draft);
      return;
    case 'UserData':
      draft.userData = scanXmlContainer(cursor, draft, name);
      return;
    default:
      draft.renderingInfo = scanXmlContainer(cursor, draft, name);
  }
}
