import { Counter, Gauge, Histogram, type Registry } from '@riskstream/runtime';

export interface IngestMetrics {
  recordsIn: Counter;
  eventsOut: Counter;
  deadLettered: Counter<'reason'>;
  parserFallbacks: Counter;
  parseSeconds: Histogram;
  chunkSize: Histogram;
  consumerLag: Gauge<'topic' | 'partition'>;
}

export function createIngestMetrics(registry: Registry): IngestMetrics {
  const registers = [registry];
  return {
    recordsIn: new Counter({ name: 'riskstream_ingest_records_in_total', help: 'Raw messages consumed.', registers }),
    eventsOut: new Counter({
      name: 'riskstream_ingest_events_out_total',
      help: 'Normalized event records produced.',
      registers,
    }),
    deadLettered: new Counter({
      name: 'riskstream_ingest_dead_lettered_total',
      help: 'Raw messages sent to the dead-letter topic, by error code.',
      labelNames: ['reason'],
      registers,
    }),
    parserFallbacks: new Counter({
      name: 'riskstream_ingest_parser_fallbacks_total',
      help: 'Messages the fast scanner handed to the full XML parser.',
      registers,
    }),
    parseSeconds: new Histogram({
      name: 'riskstream_ingest_parse_seconds',
      help: 'Time to turn one raw message into encoded records.',
      buckets: [0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01, 0.05],
      registers,
    }),
    chunkSize: new Histogram({
      name: 'riskstream_ingest_chunk_messages',
      help: 'Messages per chunk that was sent and committed together.',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 5000],
      registers,
    }),
    consumerLag: new Gauge({
      name: 'riskstream_ingest_consumer_lag_messages',
      help: 'Messages between the last committed offset and the partition end.',
      labelNames: ['topic', 'partition'],
      registers,
    }),
  };
}
