export type { EventXmlOptions, EventXmlParser, EventXmlResult } from './parse-event-xml';
export { normalizeEventXml, parseEventXml, parseEventXmlWithSaxes } from './parse-event-xml';
export type { EventXmlErrorCode, EventXmlErrorContext } from './event-xml-error';
export { EventXmlError } from './event-xml-error';
export type { XmlAttribute, XmlElement, XmlNode } from './xml-node';
export { EVENT_NAMESPACE, MAX_ELEMENT_DEPTH } from './xml-node';
export { serializeXmlChildren, serializeXmlElement } from './serialize-xml';
