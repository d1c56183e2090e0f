import type { EventDraft } from '../event-draft';
import { isSystemTextElement, setSystemAttribute, setSystemText } from '../system-fields';
import type { ScanCursor } from './scan-cursor';

// The System children in the order Windows renders them. Matching tries the element after the
// previous one first, so an event in this order costs one comparison per element.
const SYSTEM_CHILDREN = [
  'Provider',
  'EventID',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'TimeCreated',
  'EventRecordID',
  'Correlation',
  'Execution',
  'Channel',
  'Computer',
  'Security',
] as const;

// Bit i is set when SYSTEM_CHILDREN[i] carries its value as text.
const TEXT_CHILD_BITS = SYSTEM_CHILDREN.reduce(
  (bits, name, index) => (isSystemTextElement(name) ? bits | (1 << index) : bits),
  0,
);

/** Scans `<System>` (its start tag name already read) into the draft. */
export function scanSystem(cursor: ScanCursor, draft: EventDraft, eventIndex: number): void {
  const selfClosing = cursor.readAttributes();
  if (cursor.attributeCount > 0) {
    cursor.fallback('attribute on System');
  }
  if (selfClosing) {
    return;
  }
  // One bit per child seen, so a repeat is found without allocating a set per event.
  let seen = 0;
  let next = 0;
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.atEndTag()) {
      cursor.expectEndTag('System');
      return;
    }
    const index = cursor.matchStartTag(SYSTEM_CHILDREN, next);
    if (index === -1) {
      cursor.fallback('markup in System other than a known child element');
    }
    const bit = 1 << index;
    const name = SYSTEM_CHILDREN[index] as string;
    if ((seen & bit) !== 0) {
      cursor.fallback(`second System/${name}`);
    }
    seen |= bit;
    next = index + 1;
    cursor.skipName(name);
    scanSystemChild(cursor, draft, name, (TEXT_CHILD_BITS & bit) !== 0, eventIndex);
  }
}

function scanSystemChild(cursor: ScanCursor, draft: EventDraft, name: string, isText: boolean, eventIndex: number) {
  const selfClosing = cursor.readAttributes();
  for (let i = 0; i < cursor.attributeCount; i++) {
    const attribute = cursor.attributeNames[i] as string;
    if (!setSystemAttribute(draft, name, attribute, cursor.attributeValues[i] as string)) {
      cursor.fallback(`unknown attribute System/${name}/@${attribute}`);
    }
  }
  if (isText) {
    setSystemText(draft, name, selfClosing ? '' : cursor.readLeafText(name), eventIndex);
  } else if (!selfClosing) {
    cursor.skipWhitespace();
    cursor.expectEndTag(name);
  }
}
