import { decodeEntities } from './decode-entities';
import { ScannerFallback } from './scanner-fallback';

// The character helpers stay in this module: under tsx (esbuild) every imported binding is a
// getter call, which cut the benchmark throughput by about 40 % when they were imported.

const LESS = 0x3c;
const GREATER = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

// ASCII names only: 1 marks a name start character, 2 a character allowed after the start.
// A colon, which makes the name a prefixed one, and non-ASCII names are left to saxes.
const NAME_CHAR = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_]/.test(char)) {
    NAME_CHAR[code] = 1;
  } else if (/[0-9.-]/.test(char)) {
    NAME_CHAR[code] = 2;
  }
}

/** Tests whether a character code may start a name the scanner reads. */
function isNameStart(code: number): boolean {
  return code < 128 && NAME_CHAR[code] === 1;
}

/** Tests whether a character code may follow the start of a name the scanner reads. */
function isNameChar(code: number): boolean {
  return code < 128 && NAME_CHAR[code] !== 0;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/**
 * Tests whether `literal` occurs in `text` at `pos`. The optimizing compiler inlines charCodeAt,
 * while startsWith stays a builtin call that showed up in profiles of the ingest benchmark.
 */
export function hasLiteralAt(text: string, pos: number, literal: string): boolean {
  for (let i = 0; i < literal.length; i++) {
    if (text.charCodeAt(pos + i) !== literal.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

// These URIs may not be bound as the default namespace. saxes reports that error, so the scanner defers.
const RESERVED_NAMESPACES = new Set(['http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);

/**
 * A position in the decoded message plus the primitives of the scanner: tag names, attributes,
 * leaf text and end tags. Every method either consumes well-formed XML or throws ScannerFallback.
 */
export class ScanCursor {
  pos: number;
  /** Attributes of the last start tag read, reused between tags to avoid allocation. */
  readonly attributeNames: string[] = [];
  readonly attributeValues: string[] = [];
  attributeCount = 0;
  /** Names of the current tag's attributes once it has many, so duplicate checks stay linear. */
  private attributeNameSet: Set<string> | null = null;

  /** Whether the message contains `&` at all. Without one, no value needs decoding. */
  private readonly hasAmpersand: boolean;

  constructor(
    readonly text: string,
    start: number,
    /** Whether the message contains a literal tab, LF or CR, which values must normalize. */
    private readonly hasLineBreaks: boolean,
  ) {
    this.pos = start;
    this.hasAmpersand = text.includes('&');
  }

  fallback(reason: string): never {
    throw new ScannerFallback(`${reason} at offset ${this.pos}`);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips whitespace and returns whether there was any. */
  skipWhitespace(): boolean {
    const start = this.pos;
    while (this.pos < this.text.length && isWhitespace(this.text.charCodeAt(this.pos))) {
      this.pos++;
    }
    return this.pos > start;
  }

  /** Tests for `</` at the position. */
  atEndTag(): boolean {
    return this.text.charCodeAt(this.pos) === LESS && this.text.charCodeAt(this.pos + 1) === SLASH;
  }

  /**
   * Returns the index of the name in `names` that the start tag at the position has, or -1.
   * It tries `names[hint]` first, so that elements in their usual order cost one comparison.
   * Only the check happens here, and the caller consumes the name with skipName.
   */
  matchStartTag(names: readonly string[], hint: number): number {
    if (this.text.charCodeAt(this.pos) !== LESS) {
      return -1;
    }
    for (let k = 0; k < names.length; k++) {
      const index = (hint + k) % names.length;
      if (this.startTagNameIs(names[index] as string)) {
        return index;
      }
    }
    return -1;
  }

  /** Tests whether the start tag at the position (at its `<`) has exactly this name. */
  startTagNameIs(name: string): boolean {
    const nameStart = this.pos + 1;
    if (!hasLiteralAt(this.text, nameStart, name)) {
      return false;
    }
    const next = this.text.charCodeAt(nameStart + name.length);
    return next === GREATER || next === SLASH || isWhitespace(next);
  }

  /** Moves past `<name` after startTagNameIs or matchStartTag found it. */
  skipName(name: string): void {
    this.pos += 1 + name.length;
  }

  /** Reads `<name` and returns the name. Anything else at the position is left to saxes. */
  readStartTagName(): string {
    if (this.text.charCodeAt(this.pos) !== LESS) {
      this.fallback('text or end of input where a start tag belongs');
    }
    const start = this.pos + 1;
    const end = this.nameEnd(start);
    const next = this.text.charCodeAt(end);
    if (end === start || !(isWhitespace(next) || next === GREATER || next === SLASH)) {
      this.fallback('markup other than a plain start tag');
    }
    this.pos = end;
    return this.text.slice(start, end);
  }

  /** Reads the attributes of the current start tag through `>` or `/>`. Returns whether the tag self-closes. */
  readAttributes(): boolean {
    this.attributeCount = 0;
    this.attributeNameSet = null;
    for (;;) {
      const hadSpace = this.skipWhitespace();
      const code = this.text.charCodeAt(this.pos);
      if (code === GREATER) {
        this.pos++;
        return false;
      }
      if (code === SLASH && this.text.charCodeAt(this.pos + 1) === GREATER) {
        this.pos += 2;
        return true;
      }
      if (!hadSpace) {
        this.fallback('attribute without preceding whitespace');
      }
      this.readAttribute();
    }
  }

  /** Reads leaf text up to the end tag of `name`, which it consumes. */
  readLeafText(name: string): string {
    const end = this.text.indexOf('<', this.pos);
    if (end === -1) {
      this.fallback(`unclosed element ${name}`);
    }
    const raw = this.text.slice(this.pos, end);
    this.pos = end;
    this.expectEndTag(name);
    return this.decodeText(raw);
  }

  /** Consumes `</name>`, with optional whitespace before `>`. */
  expectEndTag(name: string): void {
    const nameStart = this.pos + 2;
    const nameEnd = nameStart + name.length;
    if (!this.atEndTag() || !hasLiteralAt(this.text, nameStart, name)) {
      this.fallback(`content or end tag other than </${name}>`);
    }
    if (this.text.charCodeAt(nameEnd) === GREATER) {
      this.pos = nameEnd + 1;
      return;
    }
    this.pos = nameEnd;
    // Whitespace must follow the name here, because otherwise it was a longer name such as </DataX>.
    if (!this.skipWhitespace() || this.text.charCodeAt(this.pos) !== GREATER) {
      this.fallback(`content or end tag other than </${name}>`);
    }
    this.pos++;
  }

  /** Decodes character data: XML line-end handling, then references. */
  decodeText(raw: string): string {
    const normalized = this.hasLineBreaks && raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
    if (!this.hasAmpersand) {
      return normalized;
    }
    const decoded = decodeEntities(normalized);
    if (decoded === null) {
      this.fallback('reference the scanner does not decode');
    }
    return decoded;
  }

  private readAttribute(): void {
    const nameStart = this.pos;
    const nameEnd = this.nameEnd(nameStart);
    if (nameEnd === nameStart) {
      this.fallback('attribute name the scanner does not read');
    }
    const name = this.text.slice(nameStart, nameEnd);
    this.pos = nameEnd;
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== EQUALS) {
      this.fallback(`attribute ${name} without =`);
    }
    this.pos++;
    this.skipWhitespace();
    const value = this.readAttributeValue(name);
    this.storeAttribute(name, value);
  }

  private readAttributeValue(name: string): string {
    const quote = this.text.charCodeAt(this.pos);
    if (quote !== QUOTE && quote !== APOSTROPHE) {
      this.fallback(`unquoted value of attribute ${name}`);
    }
    const end = this.text.indexOf(quote === QUOTE ? '"' : "'", this.pos + 1);
    if (end === -1) {
      this.fallback(`unclosed value of attribute ${name}`);
    }
    const raw = this.text.slice(this.pos + 1, end);
    this.pos = end + 1;
    return this.decodeAttributeValue(raw, name, true);
  }

  /**
   * Decodes an attribute value: whitespace normalization, then references. A value containing
   * `<` is malformed; `mayContainLess` is false when the caller has already ruled that out.
   */
  decodeAttributeValue(raw: string, name: string, mayContainLess: boolean): string {
    if (mayContainLess && raw.includes('<')) {
      this.fallback(`< in the value of attribute ${name}`);
    }
    // Attribute-value normalization turns each literal tab, LF, CR or CRLF into one space.
    const normalized = this.hasLineBreaks ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
    if (!this.hasAmpersand) {
      return normalized;
    }
    const decoded = decodeEntities(normalized);
    if (decoded === null) {
      this.fallback(`reference in attribute ${name} that the scanner does not decode`);
    }
    return decoded;
  }

  private storeAttribute(name: string, value: string): void {
    if (this.isDuplicateAttribute(name)) {
      this.fallback(`duplicate attribute ${name}`);
    }
    if (name === 'xmlns' && RESERVED_NAMESPACES.has(value)) {
      this.fallback('reserved namespace as default namespace');
    }
    this.attributeNames[this.attributeCount] = name;
    this.attributeValues[this.attributeCount] = value;
    this.attributeCount++;
    this.attributeNameSet?.add(name);
  }

  // Windows elements have a handful of attributes, which a scan checks fastest. A tag with many
  // switches to a set, so a crafted tag with thousands of attributes costs linear time, not quadratic.
  private isDuplicateAttribute(name: string): boolean {
    if (this.attributeNameSet === null && this.attributeCount >= 16) {
      this.attributeNameSet = new Set(this.attributeNames.slice(0, this.attributeCount));
    }
    if (this.attributeNameSet !== null) return this.attributeNameSet.has(name);
    for (let i = 0; i < this.attributeCount; i++) {
      if (this.attributeNames[i] === name) return true;
    }
    return false;
  }

  private nameEnd(start: number): number {
    if (!isNameStart(this.text.charCodeAt(start))) {
      return start;
    }
    let end = start + 1;
    while (isNameChar(this.text.charCodeAt(end))) {
      end++;
    }
    return end;
  }
}
