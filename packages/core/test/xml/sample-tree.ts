// A small element tree for writing test events in any of the renderings the parsers accept.

export interface SampleElement {
  name: string;
  attributes: Array<[string, string]>;
  children: SampleNode[];
}

export type SampleNode = SampleElement | string;

/** Builds an element. A string child is text, which the renderer escapes. */
export function el(name: string, attributes: Record<string, string> = {}, ...children: SampleNode[]): SampleElement {
  return { name, attributes: Object.entries(attributes), children };
}

/** How a tree is written out. */
export interface RenderStyle {
  quote: "'" | '"';
  /** Indentation per level for pretty-printing, or null to write everything on one line. */
  indent: string | null;
  newline: '\n' | '\r\n';
  /** Whether an element without children is written `<x/>` rather than `<x></x>`. */
  selfClose: boolean;
  /** How the characters & < > ' " and non-ASCII text are written. */
  escapes: 'named' | 'decimal' | 'hex';
}

export const COMPACT_STYLE: RenderStyle = {
  quote: "'",
  indent: null,
  newline: '\n',
  selfClose: true,
  escapes: 'named',
};

/** Renders a tree. Pretty-printing puts whitespace only between tags, never inside a leaf's text. */
export function render(node: SampleNode, style: RenderStyle, depth = 0): string {
  if (typeof node === 'string') {
    return escapeText(node, style);
  }
  const attributes = node.attributes
    .map(([name, value]) => ` ${name}=${style.quote}${escapeAttribute(value, style)}${style.quote}`)
    .join('');
  const open = `<${node.name}${attributes}`;
  if (node.children.length === 0) {
    return style.selfClose ? `${open}/>` : `${open}></${node.name}>`;
  }
  const hasElements = node.children.some((child) => typeof child !== 'string');
  if (style.indent === null || !hasElements) {
    return `${open}>${node.children.map((child) => render(child, style, depth + 1)).join('')}</${node.name}>`;
  }
  const inner = style.indent.repeat(depth + 1);
  const lines = node.children.map((child) => `${style.newline}${inner}${render(child, style, depth + 1)}`);
  return `${open}>${lines.join('')}${style.newline}${style.indent.repeat(depth)}</${node.name}>`;
}

function escapeText(text: string, style: RenderStyle): string {
  return [...text].map((char) => escapeChar(char, style, /[&<>]/)).join('');
}

function escapeAttribute(value: string, style: RenderStyle): string {
  return [...value].map((char) => escapeChar(char, style, /[&<'"]/)).join('');
}

// CR, LF and tab are always written as references so that they survive line-end handling.
function escapeChar(char: string, style: RenderStyle, mustEscape: RegExp): string {
  const code = char.codePointAt(0) as number;
  const special = mustEscape.test(char) || char === '\r' || char === '\n' || char === '\t';
  if (style.escapes === 'named') {
    return special ? (NAMED[char] ?? `&#${code};`) : char;
  }
  if (!special && code < 0x80) {
    return char;
  }
  return style.escapes === 'decimal' ? `&#${code};` : `&#x${code.toString(16)};`;
}

const NAMED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
};
