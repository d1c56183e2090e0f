import {
  AvroCodecError,
  encodeGroupKey,
  EventIdReader,
  partitionForKey,
  type CompiledDetection,
  type SchemaRegistry,
  type WindowsEvent,
} from '@riskstream/core';
import {
  deadLetterRecord,
  recordBytes,
  RecordTooLargeError,
  type OutputRecord,
  type TransformChunk,
} from '@riskstream/runtime';
import type { DetectorConfig } from './config';
import type { DetectorMetrics } from './metrics';

export interface DetectorTransformDependencies {
  config: Pick<DetectorConfig, 'matchesTopic' | 'deadLetterTopic' | 'maxRecordBytes'>;
  detection: CompiledDetection;
  registry: SchemaRegistry<WindowsEvent>;
  metrics: DetectorMetrics;
  /** Partitions of the matches topic. */
  matchesPartitions: number;
}

/**
 * Builds the detector transform. A match is forwarded with its original bytes and keyed by its
 * encoded by-field values. Its partition is chosen from Computer (`dest`), as the ingest service's
 * key chooses it. All events of a group still share a partition because `dest` is a by-field, and
 * one host's events keep their order end to end, which the aggregator's event-time watermark needs.
 */
export function createDetectorTransform(deps: DetectorTransformDependencies): TransformChunk {
  const { config, detection, registry, metrics } = deps;
  const failure = { topic: config.deadLetterTopic, service: 'detector', maxBytes: config.maxRecordBytes };
  const eventIds = detection.eventIds;
  const eventIdReader = new EventIdReader(registry);
  // An event whose EventID the filter rules out is skipped without a full decode. A message whose
  // EventID cannot be read is decoded in full, so a corrupt record still reaches the dead-letter topic.
  const cannotMatch = (value: Buffer): boolean => {
    if (!eventIds) return false;
    const eventId = eventIdReader.read(value);
    return eventId !== undefined && !eventIds.has(eventId);
  };
  return (messages, source) => {
    const records: OutputRecord[] = [];
    for (const message of messages) {
      metrics.eventsIn.inc();
      const value = message.value ?? Buffer.alloc(0);
      if (cannotMatch(value)) continue;
      let event: WindowsEvent;
      try {
        event = registry.decode(value);
      } catch (error) {
        if (!(error instanceof AvroCodecError)) throw error;
        metrics.decodeErrors.inc({ reason: error.code });
        records.push(deadLetterRecord(message, source, { ...failure, code: error.code, reason: error.message }));
        continue;
      }
      const outcome = detection.classify(event);
      if (outcome === 'excluded') metrics.excluded.inc();
      if (outcome !== 'matched') continue;
      metrics.matched.inc();
      const key = Buffer.from(encodeGroupKey(detection.groupValues(event)));
      const partition = partitionForKey(event.computer ?? '', deps.matchesPartitions);
      const match = { topic: config.matchesTopic, partition, key, value, headers: message.headers };
      const bytes = recordBytes(match);
      if (bytes > config.maxRecordBytes) {
        const error = new RecordTooLargeError(
          bytes,
          config.maxRecordBytes,
          'The match record (its key holds the nine by-field values)',
        );
        metrics.decodeErrors.inc({ reason: error.code });
        records.push(deadLetterRecord(message, source, { ...failure, code: error.code, reason: error.message }));
        continue;
      }
      records.push(match);
    }
    return records;
  };
}
