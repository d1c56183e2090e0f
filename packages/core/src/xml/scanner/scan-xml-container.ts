import type { EventDraft } from '../event-draft';
import { serializeXmlChildren } from '../serialize-xml';
import type { XmlAttribute, XmlElement, XmlNode } from '../xml-node';
import { dropIndentation, MAX_ELEMENT_DEPTH } from '../xml-node';
import type { ScanCursor } from './scan-cursor';

/**
 * Scans UserData or RenderingInfo (its start tag name already read) and returns its canonical
 * inner XML. Its own attributes go to `extra`, as the saxes path does.
 */
export function scanXmlContainer(cursor: ScanCursor, draft: EventDraft, name: string): string {
  const selfClosing = cursor.readAttributes();
  for (let i = 0; i < cursor.attributeCount; i++) {
    const attribute = cursor.attributeNames[i] as string;
    // A namespace declaration here can move the container out of the event namespace, which
    // makes it an unknown element for the saxes path.
    if (attribute === 'xmlns') {
      cursor.fallback(`namespace declaration on ${name}`);
    }
    draft.extra.push({ path: `${name}/@${attribute}`, value: cursor.attributeValues[i] as string });
  }
  if (selfClosing) {
    return '';
  }
  // Event is depth 1 and the container depth 2, so its children start at depth 3.
  return serializeXmlChildren(scanChildren(cursor, name, 3));
}

function scanChildren(cursor: ScanCursor, parentName: string, depth: number): XmlNode[] {
  const children: XmlNode[] = [];
  for (;;) {
    const tagStart = cursor.text.indexOf('<', cursor.pos);
    if (tagStart === -1) {
      cursor.fallback(`unclosed element ${parentName}`);
    }
    if (tagStart > cursor.pos) {
      children.push(cursor.decodeText(cursor.text.slice(cursor.pos, tagStart)));
      cursor.pos = tagStart;
    }
    if (cursor.atEndTag()) {
      cursor.expectEndTag(parentName);
      return dropIndentation(children);
    }
    children.push(scanElement(cursor, depth));
  }
}

function scanElement(cursor: ScanCursor, depth: number): XmlElement {
  if (depth > MAX_ELEMENT_DEPTH) {
    cursor.fallback(`element nesting deeper than ${MAX_ELEMENT_DEPTH}`);
  }
  const name = cursor.readStartTagName();
  const selfClosing = cursor.readAttributes();
  const attributes: XmlAttribute[] = [];
  for (let i = 0; i < cursor.attributeCount; i++) {
    attributes.push({ name: cursor.attributeNames[i] as string, value: cursor.attributeValues[i] as string });
  }
  const children = selfClosing ? [] : scanChildren(cursor, name, depth + 1);
  return { name, attributes, children };
}
