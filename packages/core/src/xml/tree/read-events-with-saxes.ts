import type { SaxesTagNS } from 'saxes';
import { SaxesParser } from 'saxes';

import type { WindowsEvent } from '../../event/windows-event';
import { EventXmlError, quoteValue } from '../event-xml-error';
import type { Prolog } from '../prolog';
import { doctypeRejected } from '../prolog';
import { dropIndentation, EVENT_NAMESPACE, isXmlWhitespace, MAX_ELEMENT_DEPTH } from '../xml-node';
import { buildEventFromTree } from './event-from-tree';
import type { TreeElement } from './tree-element';

type Parser = SaxesParser<{ xmlns: true; fragment: true }>;

/**
 * Parses a decoded message with saxes (strict, namespace-aware) and builds one record per Event.
 * Fragment mode lets several events follow each other, as they do in concatenated messages.
 * The XML declaration was already read, so parsing starts after it.
 */
export function readEventsWithSaxes(text: string, prolog: Prolog): WindowsEvent[] {
  const reader = new SaxesEventReader(text, prolog);
  return reader.read();
}

class SaxesEventReader {
  private readonly parser: Parser;
  private readonly stack: TreeElement[] = [];
  private readonly events: WindowsEvent[] = [];
  private insideWrapper = false;
  private sawElement = false;

  constructor(
    private readonly text: string,
    private readonly prolog: Prolog,
  ) {
    this.parser = new SaxesParser({ xmlns: true, fragment: true, defaultXMLVersion: prolog.xmlVersion });
    this.parser.on('error', (error) => {
      throw this.toEventXmlError(error);
    });
    this.parser.on('opentag', (tag) => this.openTag(tag));
    this.parser.on('closetag', () => this.closeTag());
    this.parser.on('text', (data) => this.addText(data));
    this.parser.on('cdata', (data) => this.addText(data));
  }

  read(): WindowsEvent[] {
    this.parser.write(this.text.slice(this.prolog.bodyStart)).close();
    if (!this.sawElement) {
      throw new EventXmlError('malformed-xml', 'Event XML contains no element; expected <Event> or <Events>.', {
        offset: this.prolog.bodyStart,
      });
    }
    return this.events;
  }

  private get offset(): number {
    return this.prolog.bodyStart + this.parser.position;
  }

  private openTag(tag: SaxesTagNS): void {
    this.sawElement = true;
    const depth = this.stack.length;
    if (depth === 0) {
      this.checkTopLevel(tag);
      if (tag.local === 'Events' && !this.insideWrapper) {
        this.insideWrapper = true;
        return;
      }
    }
    if (depth >= MAX_ELEMENT_DEPTH) {
      throw new EventXmlError(
        'oversized',
        `Event ${this.events.length} nests elements deeper than ${MAX_ELEMENT_DEPTH} levels at offset ${this.offset}.`,
        { offset: this.offset, eventIndex: this.events.length },
      );
    }
    const element: TreeElement = {
      name: tag.name,
      localName: tag.local,
      namespace: tag.uri,
      attributes: Object.values(tag.attributes).map(({ name, value }) => ({ name, value })),
      children: [],
      offset: this.offset,
    };
    this.stack[depth - 1]?.children.push(element);
    this.stack.push(element);
  }

  private checkTopLevel(tag: SaxesTagNS): void {
    const inEventNamespace = tag.uri === EVENT_NAMESPACE || tag.uri === '';
    const isEvent = tag.local === 'Event' && inEventNamespace;
    const isWrapper = tag.local === 'Events' && inEventNamespace && !this.insideWrapper;
    if (!isEvent && !isWrapper) {
      const namespace = tag.uri === '' ? 'no namespace' : `namespace ${tag.uri}`;
      throw new EventXmlError(
        'not-an-event',
        `Element <${tag.name}> (${namespace}) at offset ${this.offset} is not a Windows event; expected <Event> ` +
          `in ${EVENT_NAMESPACE} or no namespace, optionally inside one <Events> wrapper.`,
        { offset: this.offset, eventIndex: this.events.length, value: tag.name },
      );
    }
  }

  private closeTag(): void {
    const element = this.stack.pop();
    if (element === undefined) {
      this.insideWrapper = false;
      return;
    }
    element.children = dropIndentation(element.children);
    if (this.stack.length === 0) {
      this.events.push(buildEventFromTree(element, this.events.length));
    }
  }

  private addText(data: string): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.checkTextOutsideEvents(data);
      return;
    }
    const last = parent.children.length - 1;
    const previous = parent.children[last];
    if (typeof previous === 'string') {
      parent.children[last] = previous + data;
    } else {
      parent.children.push(data);
    }
  }

  private checkTextOutsideEvents(data: string): void {
    if (isXmlWhitespace(data)) {
      return;
    }
    const code = this.insideWrapper ? 'not-an-event' : 'malformed-xml';
    throw new EventXmlError(
      code,
      `Event XML has text ${quoteValue(data)} outside any <Event> element, ending at offset ${this.offset}.`,
      { offset: this.offset, value: data },
    );
  }

  // saxes reports a DOCTYPE as misplaced right after reading its name. So the text just before
  // the error position distinguishes it from other syntax errors.
  private toEventXmlError(error: Error): EventXmlError {
    const offset = this.offset;
    const doctypeStart = offset - '<!DOCTYPE'.length;
    if (this.text.startsWith('<!DOCTYPE', doctypeStart)) {
      return doctypeRejected(doctypeStart);
    }
    const reason = error.message.replace(/^\d+:\d+: /, '');
    return new EventXmlError(
      'malformed-xml',
      `Event XML is not well-formed at offset ${offset}: ${reason}`,
      { offset },
      {
        cause: error,
      },
    );
  }
}
