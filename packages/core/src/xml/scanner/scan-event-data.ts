import type { EventDataItem } from '../../event/windows-event';
import type { EventDraft } from '../event-draft';
import type { ScanCursor } from './scan-cursor';
import { hasLiteralAt } from './scan-cursor';

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const GREATER = 0x3e;
const SLASH = 0x2f;
const DATA_NAME_PREFIX = '<Data Name=';

/** Scans `<EventData>` (its start tag name already read): Data elements and one Binary. */
export function scanEventData(cursor: ScanCursor, draft: EventDraft): void {
  const selfClosing = cursor.readAttributes();
  if (cursor.attributeCount > 0) {
    cursor.fallback('attribute on EventData');
  }
  const items: EventDataItem[] = [];
  draft.eventData = items;
  if (selfClosing) {
    return;
  }
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.atEndTag()) {
      cursor.expectEndTag('EventData');
      return;
    }
    const item = scanNamedData(cursor);
    if (item !== null) {
      items.push(item);
    } else if (cursor.startTagNameIs('Data')) {
      cursor.skipName('Data');
      items.push(scanData(cursor));
    } else if (cursor.startTagNameIs('Binary') && draft.binary === null) {
      cursor.skipName('Binary');
      draft.binary = scanBinary(cursor);
    } else {
      cursor.fallback('element in EventData other than Data or one Binary');
    }
  }
}

/**
 * Reads `<Data Name='X'>value</Data>` or `<Data Name='X'/>`, the form Windows writes (either
 * quote), with two indexOf calls. Returns null without moving for any other form.
 */
function scanNamedData(cursor: ScanCursor): EventDataItem | null {
  const text = cursor.text;
  const start = cursor.pos;
  if (!hasLiteralAt(text, start, DATA_NAME_PREFIX)) {
    return null;
  }
  const quote = text.charCodeAt(start + DATA_NAME_PREFIX.length);
  if (quote !== QUOTE && quote !== APOSTROPHE) {
    return null;
  }
  const nameStart = start + DATA_NAME_PREFIX.length + 1;
  const nameEnd = text.indexOf(quote === QUOTE ? '"' : "'", nameStart);
  // The first < after the name ends the value; one before the closing quote is malformed.
  const valueEnd = text.indexOf('<', nameStart);
  if (nameEnd === -1 || valueEnd < nameEnd) {
    return null;
  }
  const after = text.charCodeAt(nameEnd + 1);
  const selfClosing = after === SLASH && text.charCodeAt(nameEnd + 2) === GREATER;
  if (!selfClosing && after !== GREATER) {
    return null;
  }
  const name = cursor.decodeAttributeValue(text.slice(nameStart, nameEnd), 'Name', false);
  if (selfClosing) {
    cursor.pos = nameEnd + 3;
    return { name, value: '' };
  }
  cursor.pos = valueEnd;
  cursor.expectEndTag('Data');
  return { name, value: cursor.decodeText(text.slice(nameEnd + 2, valueEnd)) };
}

function scanData(cursor: ScanCursor): EventDataItem {
  const selfClosing = cursor.readAttributes();
  let name: string | null = null;
  if (cursor.attributeCount === 1 && cursor.attributeNames[0] === 'Name') {
    name = cursor.attributeValues[0] as string;
  } else if (cursor.attributeCount > 0) {
    cursor.fallback('Data attribute other than Name');
  }
  return { name, value: selfClosing ? '' : cursor.readLeafText('Data') };
}

function scanBinary(cursor: ScanCursor): string {
  const selfClosing = cursor.readAttributes();
  if (cursor.attributeCount > 0) {
    cursor.fallback('attribute on Binary');
  }
  return selfClosing ? '' : cursor.readLeafText('Binary');
}
