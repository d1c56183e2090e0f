import {
  AvroCodecError,
  eventIdentity,
  groupKey,
  isLate,
  windowOf,
  type SchemaRegistry,
  type WindowSettings,
  type WindowsEvent,
} from '@riskstream/core';
import type { KafkaMessage } from '@riskstream/runtime';
import type { StoredEvent } from './window-store';

/** One chunk of matches, sorted by window, before anything is written. */
export interface PreparedChunk {
  /** Events to count, by window start. */
  byWindow: Map<number, StoredEvent[]>;
  late: Array<{ message: KafkaMessage; windowStart: number; windowEnd: number }>;
  undecodable: Array<{ message: KafkaMessage; error: AvroCodecError }>;
  /** By-field name of each event dropped for an absent or empty value. */
  droppedFields: string[];
  /** Latest event time among counted and late events, or -Infinity. */
  maxTimeMicros: number;
}

export interface PrepareOptions {
  registry: SchemaRegistry<WindowsEvent>;
  byFields: readonly string[];
  groupValuesOf: (event: WindowsEvent) => Array<string | undefined>;
  settings: WindowSettings;
  horizon: number;
}

/**
 * Decodes a chunk of matches and sorts each event into its window, the late list, or the dropped
 * list. Events without TimeCreated cannot be placed in a window and count as dropped for `_time`.
 */
export function prepareChunk(messages: KafkaMessage[], options: PrepareOptions): PreparedChunk {
  const prepared: PreparedChunk = {
    byWindow: new Map(),
    late: [],
    undecodable: [],
    droppedFields: [],
    maxTimeMicros: -Infinity,
  };
  for (const message of messages) {
    let event: WindowsEvent;
    try {
      event = options.registry.decode(message.value ?? Buffer.alloc(0));
    } catch (error) {
      if (!(error instanceof AvroCodecError)) throw error;
      prepared.undecodable.push({ message, error });
      continue;
    }
    placeEvent(event, message, options, prepared);
  }
  return prepared;
}

function placeEvent(
  event: WindowsEvent,
  message: KafkaMessage,
  options: PrepareOptions,
  prepared: PreparedChunk,
): void {
  const values = options.groupValuesOf(event);
  const missing = values.findIndex((value) => value === undefined || value === '');
  if (missing >= 0) {
    prepared.droppedFields.push(options.byFields[missing] ?? 'unknown');
    return;
  }
  if (event.timeCreated === null) {
    prepared.droppedFields.push('_time');
    return;
  }
  const window = windowOf(event.timeCreated, options.settings);
  prepared.maxTimeMicros = Math.max(prepared.maxTimeMicros, event.timeCreated);
  if (isLate(window, options.horizon, options.settings)) {
    prepared.late.push({ message, windowStart: window.start, windowEnd: window.end });
    return;
  }
  const identity = eventIdentity(
    event.computer ?? '',
    event.channel ?? '',
    String(event.eventRecordId ?? ''),
    event.timeCreatedRaw ?? '',
  );
  const events = prepared.byWindow.get(window.start) ?? [];
  events.push({ identity, group: groupKey(values as string[]), timeMicros: event.timeCreated });
  prepared.byWindow.set(window.start, events);
}
