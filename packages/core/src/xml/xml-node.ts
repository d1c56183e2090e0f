/** An attribute with its decoded value. `name` is the qualified name as written. */
export interface XmlAttribute {
  name: string;
  value: string;
}

/** An element of a subtree that the record keeps as XML text (UserData, RenderingInfo, unknown nodes). */
export interface XmlElement {
  /** Qualified name as written, such as `CbsUpdateChangeState` or `p:Item`. */
  name: string;
  /** Attributes in document order, namespace declarations included. */
  attributes: XmlAttribute[];
  /** Element children and decoded text, with adjacent text merged. */
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** The namespace of Windows event XML (the default namespace on `<Event>`). */
export const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** Maximum element depth inside one event. Deeper input is rejected rather than recursed into. */
export const MAX_ELEMENT_DEPTH = 64;

/** Tests whether text consists only of the XML whitespace characters (space, tab, CR, LF). */
export function isXmlWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      return false;
    }
  }
  return true;
}

/**
 * Removes whitespace-only text from an element that also has element children, because there
 * it is indentation between tags. Text of a leaf element is a value and is kept as it is.
 */
export function dropIndentation<T extends XmlNode>(children: T[]): T[] {
  if (!children.some((child) => typeof child !== 'string')) {
    return children;
  }
  return children.filter((child) => typeof child !== 'string' || !isXmlWhitespace(child));
}
