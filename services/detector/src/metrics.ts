import { Counter, Gauge, type Registry } from '@riskstream/runtime';

export interface DetectorMetrics {
  eventsIn: Counter;
  matched: Counter;
  excluded: Counter;
  decodeErrors: Counter<'reason'>;
  consumerLag: Gauge<'topic' | 'partition'>;
}

export function createDetectorMetrics(registry: Registry): DetectorMetrics {
  const registers = [registry];
  return {
    eventsIn: new Counter({
      name: 'riskstream_detector_events_in_total',
      help: 'Normalized events consumed.',
      registers,
    }),
    matched: new Counter({
      name: 'riskstream_detector_matched_total',
      help: 'Events that passed the filter and were produced.',
      registers,
    }),
    excluded: new Counter({
      name: 'riskstream_detector_excluded_total',
      help: 'Events that passed the filter but matched a known-false-positive exclusion.',
      registers,
    }),
    decodeErrors: new Counter({
      name: 'riskstream_detector_decode_errors_total',
      help: 'Records that could not be decoded and went to the dead-letter topic, by error code.',
      labelNames: ['reason'],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'riskstream_detector_consumer_lag_messages',
      help: 'Messages between the last committed offset and the partition end.',
      labelNames: ['topic', 'partition'],
      registers,
    }),
  };
}
