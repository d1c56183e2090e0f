import type { XmlElement } from '../xml-node';

/** An element as the saxes path builds it, with the namespace information saxes resolved. */
export interface TreeElement extends XmlElement {
  localName: string;
  /** Namespace URI, or "" for no namespace. */
  namespace: string;
  /** Offset just past the start tag in the decoded message. */
  offset: number;
  children: Array<TreeElement | string>;
}

/** Returns the text children joined; element children are not included. */
export function textContent(element: TreeElement): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') {
      text += child;
    }
  }
  return text;
}
