import type { FieldLookup } from '../filter';

/**
 * The part of a normalized Windows event that SPL field names read. The normalized event type
 * has these members among others, so it can be passed wherever this is expected.
 */
export interface SearchableEvent {
  /** System EventID without Qualifiers. */
  eventId: number;
  /** System Computer. */
  computer: string | null;
  /** System Channel. */
  channel: string | null;
  /**
   * EventData Data elements in document order, or null when the event has no EventData.
   * `name` is null for a Data without a Name attribute.
   */
  eventData: ReadonlyArray<{ name: string | null; value: string }> | null;
}

/**
 * Creates the SPL view of one event. `EventCode` and `EventID` read the System EventID, `dest`
 * and `Computer` the System Computer, and `Channel` the System Channel. Any other name reads
 * the first Data element with that Name. Empty values are returned as undefined because Splunk
 * turns them into null fields.
 */
export function createFieldLookup(event: SearchableEvent): FieldLookup {
  return (field) => {
    switch (field) {
      case 'EventCode':
      case 'EventID':
        return String(event.eventId);
      case 'dest':
      case 'Computer':
        return nonEmpty(event.computer);
      case 'Channel':
        return nonEmpty(event.channel);
      default:
        return findData(event.eventData, field);
    }
  };
}

// A linear scan beats building a Map per event, because an EventID 10 has about 14 Data
// elements and a filter reads 3 of them. packages/core/bench/filter-bench.ts compares both.
function findData(data: SearchableEvent['eventData'], name: string): string | undefined {
  if (data === null) {
    return undefined;
  }
  for (const element of data) {
    if (element.name === name) {
      return element.value === '' ? undefined : element.value;
    }
  }
  return undefined;
}

function nonEmpty(value: string | null): string | undefined {
  return value === null || value === '' ? undefined : value;
}
