import type { EventDraft } from '../event-draft';
import { isSystemAttributeElement, isSystemTextElement, setSystemAttribute, setSystemText } from '../system-fields';
import { addExtraAttributes, addExtraChildElements, addExtraContent, addExtraElement } from './extra-nodes';
import { isXmlWhitespace } from '../xml-node';
import type { TreeElement } from './tree-element';
import { textContent } from './tree-element';

/**
 * Maps `<System>` to the draft. The first element of each known name fills its field. A repeat,
 * an unknown element or one in another namespace goes to `extra`.
 */
export function readSystem(draft: EventDraft, system: TreeElement, eventIndex: number): void {
  addExtraAttributes(draft, 'System', system);
  const seen = new Set<string>();
  for (const child of system.children) {
    if (typeof child === 'string') {
      addTextOfSystem(draft, child);
      continue;
    }
    const known = isSystemTextElement(child.localName) || isSystemAttributeElement(child.localName);
    if (!known || child.namespace !== system.namespace || seen.has(child.localName)) {
      addExtraElement(draft, `System/${child.name}`, child);
      continue;
    }
    seen.add(child.localName);
    readSystemChild(draft, child, eventIndex);
  }
}

function addTextOfSystem(draft: EventDraft, text: string): void {
  if (!isXmlWhitespace(text)) {
    draft.extra.push({ path: 'System/text()', value: text });
  }
}

function readSystemChild(draft: EventDraft, child: TreeElement, eventIndex: number): void {
  const name = child.localName;
  const path = `System/${name}`;
  for (const attribute of child.attributes) {
    if (!setSystemAttribute(draft, name, attribute.name, attribute.value)) {
      draft.extra.push({ path: `${path}/@${attribute.name}`, value: attribute.value });
    }
  }
  if (isSystemTextElement(name)) {
    setSystemText(draft, name, textContent(child), eventIndex);
    addExtraChildElements(draft, path, child);
  } else {
    addExtraContent(draft, path, child);
  }
}
