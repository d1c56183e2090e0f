import type { WindowsEvent } from '../../event/windows-event';
import type { Prolog } from '../prolog';
import type { TextFacts } from '../text-facts';
import { ScanCursor } from './scan-cursor';
import { scanEvent } from './scan-event';
import { ScannerFallback } from './scanner-fallback';

// In XML 1.1, raw C1 controls are forbidden and NEL and U+2028 are line ends. saxes handles both.
const XML11_SPECIAL_CHARACTERS = /[\x7F-\x9F\u2028]/;

/**
 * Scans a decoded message of concatenated `<Event>` elements and `<Events>` wrappers after
 * the prolog. Throws ScannerFallback on any construct outside that shape, and EventXmlError
 * only for errors that the saxes path raises the same way (missing or invalid EventID).
 */
export function scanEventDocument(text: string, prolog: Prolog, facts: TextFacts): WindowsEvent[] {
  checkCharacters(text, prolog, facts);
  const cursor = new ScanCursor(text, prolog.bodyStart, facts.hasLineBreaks);
  const events: WindowsEvent[] = [];
  let sawElement = false;
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.atEnd()) {
      break;
    }
    const start = cursor.pos;
    const name = cursor.readStartTagName();
    if (name === 'Event') {
      events.push(scanEvent(cursor, events.length, start));
    } else if (name === 'Events') {
      scanWrapper(cursor, events);
    } else {
      cursor.fallback(`top-level element ${name}`);
    }
    sawElement = true;
  }
  if (!sawElement) {
    cursor.fallback('message without elements');
  }
  return events;
}

function scanWrapper(cursor: ScanCursor, events: WindowsEvent[]): void {
  const selfClosing = cursor.readAttributes();
  if (cursor.attributeCount > 0) {
    cursor.fallback('attribute on Events');
  }
  if (selfClosing) {
    return;
  }
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.atEndTag()) {
      cursor.expectEndTag('Events');
      return;
    }
    const start = cursor.pos;
    if (cursor.readStartTagName() !== 'Event') {
      cursor.fallback('element other than Event inside Events');
    }
    events.push(scanEvent(cursor, events.length, start));
  }
}

function checkCharacters(text: string, prolog: Prolog, facts: TextFacts): void {
  // saxes reports a forbidden character with its position, so the scanner leaves it to saxes.
  if (facts.hasForbiddenCharacter) {
    throw new ScannerFallback('character not allowed in XML 1.0');
  }
  if (prolog.xmlVersion === '1.1' && XML11_SPECIAL_CHARACTERS.test(text)) {
    throw new ScannerFallback('XML 1.1 control or line-end character');
  }
  // "]]>" may not appear in text. Rather than check every value, the scanner leaves any occurrence to saxes.
  const cdataEnd = text.indexOf(']]>');
  if (cdataEnd !== -1) {
    throw new ScannerFallback(`]]> at offset ${cdataEnd}`);
  }
}
