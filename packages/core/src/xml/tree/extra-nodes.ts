import type { EventDraft } from '../event-draft';
import { serializeXmlChildren } from '../serialize-xml';
import { isXmlWhitespace } from '../xml-node';
import type { TreeElement } from './tree-element';

// Helpers that record in `extra` whatever has no field, with paths relative to the Event element.

/** Joins a parent path ("" for the Event element itself) and a step. */
export function childPath(parentPath: string, step: string): string {
  return parentPath === '' ? step : `${parentPath}/${step}`;
}

/** Records an element without a field: its inner XML, then each attribute. */
export function addExtraElement(draft: EventDraft, path: string, element: TreeElement): void {
  draft.extra.push({ path, value: serializeXmlChildren(element.children) });
  addExtraAttributes(draft, path, element);
}

/** Records every attribute of an element at `path/@name`. */
export function addExtraAttributes(draft: EventDraft, path: string, element: TreeElement): void {
  for (const attribute of element.attributes) {
    draft.extra.push({ path: childPath(path, `@${attribute.name}`), value: attribute.value });
  }
}

/**
 * Records the content of an element that has no text field: child elements as extra elements and
 * text as `path/text()`. Whitespace-only text there is formatting and is dropped.
 */
export function addExtraContent(draft: EventDraft, path: string, element: TreeElement): void {
  for (const child of element.children) {
    if (typeof child !== 'string') {
      addExtraElement(draft, childPath(path, child.name), child);
    } else if (!isXmlWhitespace(child)) {
      draft.extra.push({ path: childPath(path, 'text()'), value: child });
    }
  }
}

/** Records the element children of a leaf-value element, whose text is already its field. */
export function addExtraChildElements(draft: EventDraft, path: string, element: TreeElement): void {
  for (const child of element.children) {
    if (typeof child !== 'string') {
      addExtraElement(draft, childPath(path, child.name), child);
    }
  }
}
