import { EventXmlError, parseEventXml, type WindowsEvent } from '@riskstream/core';
import {
  deadLetterRecord,
  recordBytes,
  RecordTooLargeError,
  type KafkaMessage,
  type Logger,
  type OutputRecord,
  type TransformChunk,
} from '@riskstream/runtime';
import type { IngestConfig } from './config';
import type { IngestMetrics } from './metrics';

/** Turns a raw message (XML, or JSON with the XML in a field) into the XML text or bytes to parse. */
export type XmlExtractor = (value: Buffer) => string | Buffer;

/** Encodes one normalized event as the value of an output record. */
export type EventEncoder = (event: WindowsEvent) => Buffer;

/** A rejection the service expects and dead-letters, as opposed to a bug, which stops the service. */
export interface RejectionError {
  code: string;
  message: string;
}

export interface IngestTransformDependencies {
  config: Pick<IngestConfig, 'eventsTopic' | 'deadLetterTopic' | 'maxMessageBytes' | 'maxRecordBytes'>;
  extractXml: XmlExtractor;
  encode: EventEncoder;
  /** Returns the rejection carried by `error`, or undefined for an unexpected error. */
  asRejection: (error: unknown) => RejectionError | undefined;
  metrics: IngestMetrics;
  logger: Logger;
}

/**
 * Builds the ingest transform: one record per event on the events topic, keyed by Computer so
 * a host's events stay in order on one partition, or one dead-letter record per rejected message.
 */
export function createIngestTransform(deps: IngestTransformDependencies): TransformChunk {
  const { config, metrics, logger } = deps;
  const failure = { topic: config.deadLetterTopic, service: 'ingest', maxBytes: config.maxRecordBytes };
  return (messages, source) => {
    const records: OutputRecord[] = [];
    for (const message of messages) {
      metrics.recordsIn.inc();
      const stopTimer = metrics.parseSeconds.startTimer();
      try {
        records.push(...normalizeMessage(message, deps));
      } catch (error) {
        const rejection = deps.asRejection(error);
        if (!rejection) throw error;
        metrics.deadLettered.inc({ reason: rejection.code });
        logger.debug({ ...source, offset: message.offset, code: rejection.code }, 'message dead-lettered');
        records.push(
          deadLetterRecord(message, source, { ...failure, code: rejection.code, reason: rejection.message }),
        );
      } finally {
        stopTimer();
      }
    }
    return records;
  };
}

function normalizeMessage(message: KafkaMessage, deps: IngestTransformDependencies): OutputRecord[] {
  const value = message.value;
  if (!value || value.length === 0)
    throw new EventXmlError('malformed-xml', 'The message has no value; expected event XML.');
  if (value.length > deps.config.maxMessageBytes) {
    throw new EventXmlError(
      'oversized',
      `The message is ${value.length} bytes, above INGEST_MAX_MESSAGE_BYTES=${deps.config.maxMessageBytes}; raise the limit or split the message.`,
    );
  }
  const result = parseEventXml(deps.extractXml(value), { maxBytes: deps.config.maxMessageBytes });
  if (result.parser === 'saxes') deps.metrics.parserFallbacks.inc();
  const records = result.events.map((event) => ({
    topic: deps.config.eventsTopic,
    key: event.computer,
    value: deps.encode(event),
  }));
  for (const [index, record] of records.entries()) {
    const bytes = recordBytes(record);
    if (bytes > deps.config.maxRecordBytes) {
      throw new RecordTooLargeError(bytes, deps.config.maxRecordBytes, `The normalized record of event ${index}`);
    }
  }
  deps.metrics.eventsOut.inc(records.length);
  return records;
}
