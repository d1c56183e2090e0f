/**
 * Measures the detector's transform on one core: Avro single-object records in, match records
 * out (EventID check, decode, filter, group key), over every event of the shared datasets held
 * in memory. No Kafka is involved.
 * Run from the repository root: npm run bench:detector [-- seconds]
 */
import { readFileSync } from 'node:fs';
import { compileDetection, createWindowsEventCodec, normalizeEventXml } from '@riskstream/core';
import {
  createMetricsRegistry,
  defaultDetectionFile,
  loadDetectionFile,
  loadSchema,
  type KafkaMessage,
} from '@riskstream/runtime';
import { createDetectorTransform } from '../src/detector-transform';
import { createDetectorMetrics } from '../src/metrics';
import { measurePerCpuSecond, sharedDatasetDir, sharedDatasetFiles } from '@riskstream/testing';

function main(): void {
  const seconds = Number(process.argv[2] ?? '5');
  const dir = sharedDatasetDir();
  if (!dir) throw new Error('the shared datasets are missing: set RISKSTREAM_SHARED_DATASETS to their folder');
  const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
  const detection = compileDetection(loadDetectionFile(defaultDetectionFile));
  const records = sharedDatasetFiles(dir)
    .flatMap((file) => normalizeEventXml(readFileSync(file), { maxBytes: 1 << 24 }))
    .map((event) => codec.encoder.encode(event));
  const transform = createDetectorTransform({
    config: { matchesTopic: 'matches', deadLetterTopic: 'dlq', maxRecordBytes: 1_000_000 },
    detection,
    registry: codec.registry,
    metrics: createDetectorMetrics(createMetricsRegistry('detector-bench')),
    matchesPartitions: 6,
  });
  const messages = records.map((value, offset) => ({ value, offset: String(offset) }) as KafkaMessage);
  const source = { topic: 'events', partition: 0 };
  let matched = 0;
  const work = () => {
    matched += transform(messages, source).length;
    return messages.length;
  };
  measurePerCpuSecond(1, work);
  const result = measurePerCpuSecond(seconds, work);
  const lines = [
    `records in memory: ${records.length} (${Math.round(records.reduce((sum, record) => sum + record.length, 0) / records.length)} bytes each on average)`,
    `measured: ${result.items} events in ${result.cpuSeconds.toFixed(2)} CPU seconds; matched ${matched} in all runs`,
    `detector: ${result.perSecond} events/s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
