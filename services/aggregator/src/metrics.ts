import { Counter, Gauge, Histogram, type Registry } from '@riskstream/runtime';

export interface AggregatorMetrics {
  eventsIn: Counter;
  counted: Counter;
  duplicates: Counter;
  droppedMissingField: Counter<'field'>;
  late: Counter;
  decodeErrors: Counter<'reason'>;
  openWindows: Gauge;
  openGroups: Gauge;
  riskEventsPublished: Counter;
  windowCloseLagSeconds: Histogram;
  consumerLag: Gauge<'topic' | 'partition'>;
}

export function createAggregatorMetrics(registry: Registry): AggregatorMetrics {
  const registers = [registry];
  return {
    eventsIn: new Counter({
      name: 'riskstream_aggregator_events_in_total',
      help: 'Matched events consumed.',
      registers,
    }),
    counted: new Counter({
      name: 'riskstream_aggregator_counted_total',
      help: 'Events counted in a window.',
      registers,
    }),
    duplicates: new Counter({
      name: 'riskstream_aggregator_duplicates_skipped_total',
      help: 'Events not counted because their identity was already counted in the window.',
      registers,
    }),
    droppedMissingField: new Counter({
      name: 'riskstream_aggregator_dropped_missing_field_total',
      help: 'Events dropped because a by-field is absent or empty, as stats by drops them; by the first such field.',
      labelNames: ['field'],
      registers,
    }),
    late: new Counter({
      name: 'riskstream_aggregator_late_total',
      help: 'Events whose window had closed; written to the late topic.',
      registers,
    }),
    decodeErrors: new Counter({
      name: 'riskstream_aggregator_decode_errors_total',
      help: 'Records that could not be decoded and went to the dead-letter topic, by error code.',
      labelNames: ['reason'],
      registers,
    }),
    openWindows: new Gauge({
      name: 'riskstream_aggregator_open_windows',
      help: 'Windows open on the assigned partitions.',
      registers,
    }),
    openGroups: new Gauge({
      name: 'riskstream_aggregator_open_groups',
      help: 'Groups in the open windows.',
      registers,
    }),
    riskEventsPublished: new Counter({
      name: 'riskstream_aggregator_risk_events_published_total',
      help: 'Risk events acknowledged by the broker.',
      registers,
    }),
    consumerLag: new Gauge({
      name: 'riskstream_aggregator_consumer_lag_messages',
      help: 'Messages between the last committed offset and the partition end.',
      labelNames: ['topic', 'partition'],
      registers,
    }),
    windowCloseLagSeconds: new Histogram({
      name: 'riskstream_aggregator_window_close_lag_seconds',
      help: 'Wall-clock seconds from a window close time (end + grace) to its risk events being published.',
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 3600, 86_400],
      registers,
    }),
  };
}
