const eventStart = /<Event[\s>]/;
const eventStartAtLineStart = /^\s*<Event[\s>]/;
const eventEnd = '</Event>';

/**
 * Splits a file of Windows event XML into one string per event, line by line. It accepts one
 * event per line, events pretty-printed over several lines, and an `<Events>` wrapper or XML
 * declaration around them, which it drops. An event whose end tag is missing is still emitted
 * on its own when the next event starts, so the ingest service can dead-letter it.
 */
export class EventSplitter {
  private pending: string[] = [];

  /** Adds one line (without its newline) and returns the events it completed. */
  push(line: string): string[] {
    const completed: string[] = [];
    let rest = line;
    if (this.pending.length > 0 && eventStartAtLineStart.test(rest)) completed.push(this.flush());
    while (rest !== '') {
      if (this.pending.length === 0) {
        const start = rest.search(eventStart);
        if (start < 0) return completed;
        rest = rest.slice(start);
      }
      const end = rest.indexOf(eventEnd);
      if (end < 0) {
        this.pending.push(rest);
        return completed;
      }
      this.pending.push(rest.slice(0, end + eventEnd.length));
      completed.push(this.flush());
      rest = rest.slice(end + eventEnd.length);
    }
    return completed;
  }

  /** Returns the unfinished event at the end of input, if any. */
  end(): string[] {
    return this.pending.length > 0 ? [this.flush()] : [];
  }

  private flush(): string {
    const text = this.pending.join('\n');
    this.pending = [];
    return text;
  }
}
