import type { XmlElement, XmlNode } from './xml-node';

// Canonical form: attributes in double quotes, empty elements self-closed, and escapes chosen so
// that parsing the output again gives the same values. So CR, tab and LF in attributes become
// character references, because a parser would turn the literal characters into spaces.
const TEXT_SPECIALS = /[&<>\r]/;
const ATTRIBUTE_SPECIALS = /[&<"\t\n\r]/;

/** Serializes nodes as canonical inner XML, so both parsers give the same string for the same input. */
export function serializeXmlChildren(children: readonly XmlNode[]): string {
  let out = '';
  for (const child of children) {
    out += typeof child === 'string' ? escapeText(child) : serializeXmlElement(child);
  }
  return out;
}

/** Serializes one element, tags included, in the canonical form of serializeXmlChildren. */
export function serializeXmlElement(element: XmlElement): string {
  let out = `<${element.name}`;
  for (const attribute of element.attributes) {
    out += ` ${attribute.name}="${escapeAttribute(attribute.value)}"`;
  }
  if (element.children.length === 0) {
    return `${out}/>`;
  }
  return `${out}>${serializeXmlChildren(element.children)}</${element.name}>`;
}

function escapeText(text: string): string {
  if (!TEXT_SPECIALS.test(text)) {
    return text;
  }
  return text.replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char] ?? char);
}

function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIALS.test(value)) {
    return value;
  }
  return value.replace(/[&<"\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char] ?? char);
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
