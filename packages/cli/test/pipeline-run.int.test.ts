import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RiskEvent } from '@riskstream/core';
import { createKafka, createLogger } from '@riskstream/runtime';
import { requireTestEnv } from '@riskstream/testing';
import { PipelineRun } from '../src/run/pipeline-run';

const logger = createLogger({ service: 'pipeline-run-test', level: 'fatal' });

// The main job starts the services from their build output (services/*/dist), which `npm ci`
// and `npm run build` write; the addresses come from the integration set-up's environment.
test('main job on the sample prints its risk events', async () => {
  const lines: string[] = [];
  const sample = path.resolve(__dirname, '../../../samples/sysmon-sample.xml');
  const expected = readFileSync(path.resolve(__dirname, '../../../samples/expected-risk-events.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RiskEvent);
  const run = new PipelineRun({
    inputs: [sample],
    partitions: 3,
    idleTimeoutMs: 3000,
    keep: false,
    timeoutMs: 120_000,
    print: (line) => lines.push(line),
  });

  try {
    const summary = await run.run();

    expect(summary.replayed).toBe(263);
    expect(summary.metrics.riskstream_aggregator_risk_events_published_total).toBe(expected.length);
    expect(summary.metrics['riskstream_ingest_dead_lettered_total{reason="malformed-xml"}']).toBe(1);
    expect([...run.published].map((event) => event.id).sort()).toEqual(expected.map((event) => event.id).sort());
    expect(lines.filter((line) => line.startsWith('risk event '))).toHaveLength(expected.length);
  } finally {
    await run.stop();
  }
  const admin = createKafka({
    clientId: 'pipeline-run-test',
    brokers: requireTestEnv('KAFKA_BROKERS').split(','),
    logger,
  }).admin();
  await admin.connect();
  const leftover = (await admin.listTopics()).filter((topic) => topic.startsWith(run.runId));
  await admin.disconnect();
  expect(leftover).toEqual([]);
});
