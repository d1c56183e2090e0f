import type { EventDataItem, WindowsEvent } from '../../event/windows-event';
import type { EventDraft } from '../event-draft';
import { createEventDraft, finishEvent } from '../event-draft';
import { serializeXmlChildren } from '../serialize-xml';
import { isXmlWhitespace } from '../xml-node';
import { addExtraAttributes, addExtraChildElements, addExtraElement } from './extra-nodes';
import { readSystem } from './system-from-tree';
import type { TreeElement } from './tree-element';
import { textContent } from './tree-element';

const EVENT_CHILDREN = new Set(['System', 'EventData', 'UserData', 'RenderingInfo']);

/**
 * Maps one parsed `<Event>` to a record. Known elements are matched by local name in the Event's
 * namespace; everything else is kept in `extra`. Raises `missing-event-id` or `invalid-event-id`.
 */
export function buildEventFromTree(event: TreeElement, eventIndex: number): WindowsEvent {
  const draft = createEventDraft();
  for (const attribute of event.attributes) {
    if (!isNamespaceDeclaration(attribute.name)) {
      draft.extra.push({ path: `@${attribute.name}`, value: attribute.value });
    }
  }
  const seen = new Set<string>();
  for (const child of event.children) {
    if (typeof child === 'string') {
      addTextOfEvent(draft, child);
    } else if (
      child.namespace !== event.namespace ||
      !EVENT_CHILDREN.has(child.localName) ||
      seen.has(child.localName)
    ) {
      addExtraElement(draft, child.name, child);
    } else {
      seen.add(child.localName);
      readEventChild(draft, child, eventIndex);
    }
  }
  return finishEvent(draft, eventIndex, event.offset);
}

function isNamespaceDeclaration(name: string): boolean {
  return name === 'xmlns' || name.startsWith('xmlns:');
}

function addTextOfEvent(draft: EventDraft, text: string): void {
  if (!isXmlWhitespace(text)) {
    draft.extra.push({ path: 'text()', value: text });
  }
}

function readEventChild(draft: EventDraft, child: TreeElement, eventIndex: number): void {
  switch (child.localName) {
    case 'System':
      readSystem(draft, child, eventIndex);
      return;
    case 'EventData':
      readEventData(draft, child);
      return;
    case 'UserData':
      addExtraAttributes(draft, 'UserData', child);
      draft.userData = serializeXmlChildren(child.children);
      return;
    default:
      addExtraAttributes(draft, 'RenderingInfo', child);
      draft.renderingInfo = serializeXmlChildren(child.children);
  }
}

function readEventData(draft: EventDraft, eventData: TreeElement): void {
  addExtraAttributes(draft, 'EventData', eventData);
  const items: EventDataItem[] = [];
  draft.eventData = items;
  for (const child of eventData.children) {
    if (typeof child === 'string') {
      if (!isXmlWhitespace(child)) {
        draft.extra.push({ path: 'EventData/text()', value: child });
      }
    } else if (child.namespace === eventData.namespace && child.localName === 'Data') {
      items.push(readData(draft, child, `EventData/Data[${items.length + 1}]`));
    } else if (child.namespace === eventData.namespace && child.localName === 'Binary' && draft.binary === null) {
      addExtraAttributes(draft, 'EventData/Binary', child);
      draft.binary = textContent(child);
      addExtraChildElements(draft, 'EventData/Binary', child);
    } else {
      addExtraElement(draft, `EventData/${child.name}`, child);
    }
  }
}

function readData(draft: EventDraft, data: TreeElement, path: string): EventDataItem {
  let name: string | null = null;
  for (const attribute of data.attributes) {
    if (attribute.name === 'Name') {
      name = attribute.value;
    } else {
      draft.extra.push({ path: `${path}/@${attribute.name}`, value: attribute.value });
    }
  }
  addExtraChildElements(draft, path, data);
  return { name, value: textContent(data) };
}
