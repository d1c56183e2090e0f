/**
 * Pipeline benchmark: sends generated Sysmon XML through the three real services on the local broker.
 * It reports each stage's rate, end-to-end latency, window close lag and CPU and memory per process.
 * Beside them it reports Kafka's own producer and consumer ceiling for the same records.
 * Run from the repository root: npm run bench -- --help
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createWindowsEventCodec } from '@riskstream/core';
import { createKafka, createLogger, createProducer, loadSchema, type Kafka } from '@riskstream/runtime';
import { repositoryRoot, resolveServers, type Servers } from '../../packages/cli/src/run/servers';
import { readBenchOptions, usage, type BenchOptions } from './bench-options';
import { renderReport, type BenchResult } from './bench-report';
import {
  redisKeyPrefix,
  runTopics,
  startBenchServices,
  stopBenchServices,
  type StartedServices,
} from './bench-services';
import { measureBrokerCeiling, type CeilingResult } from './broker-ceiling';
import { LoadProducer } from './load-producer';
import { OutputReader } from './output-reader';
import { measurePipeline, POLL_INTERVAL_MS, type MeasuredProcess } from './pipeline-measure';
import { readPidFile } from './process-usage';
import { createTopic, deleteKafkaResources, deleteRedisKeys } from './run-resources';
import { SysmonLoad } from './sysmon-load';
import { CounterPoller } from './stage-counters';

const CEILING_PAYLOAD_LINES = 5000;
const logger = createLogger({ service: 'riskstream-bench', level: 'error' });

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const options = readBenchOptions(process.argv.slice(2), process.env);
  if (options === 'help') {
    process.stdout.write(usage);
    return;
  }
  const runId = `bench-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${randomUUID().slice(0, 4)}`;
  const servers = resolveServers(process.env);
  progress(`kafka ${servers.kafkaBrokers}, redis ${servers.redisUrl} (${servers.source}); run ${runId}`);
  const kafka = createKafka({ clientId: 'riskstream-bench', brokers: servers.kafkaBrokers.split(','), logger });
  try {
    const ceiling = await runCeiling(kafka, servers, runId, options);
    const result = await runPipeline(kafka, servers, runId, options, ceiling);
    process.stdout.write(`${renderReport(result)}\n`);
  } finally {
    await cleanUp(`deleting the topics and consumer groups of ${runId}`, async () => {
      const deleted = await deleteKafkaResources(kafka, `${runId}.`);
      progress(`deleted ${deleted.length} topics and consumer groups`);
    });
    await cleanUp(`deleting the Redis keys of ${runId}`, async () => {
      const deleted = await deleteRedisKeys(servers.redisUrl, `{${redisKeyPrefix(runId)}:*`, logger);
      progress(`deleted ${deleted} Redis keys`);
    });
  }
}

/** Measures ProducerPerformance and ConsumerPerformance before the services start, so they share no cores with them. */
async function runCeiling(
  kafka: Kafka,
  servers: Servers,
  runId: string,
  options: BenchOptions,
): Promise<CeilingResult | undefined> {
  if (options.ceilingRecords === 0) return undefined;
  const sample = new SysmonLoad(options.seed + 1, options.matchRatio);
  const nowMs = Date.now();
  const payloads = Array.from({ length: CEILING_PAYLOAD_LINES }, () => sample.next(nowMs).xml);
  const payloadFile = path.join(os.tmpdir(), `${runId}-payloads.txt`);
  writeFileSync(payloadFile, payloads.join('\n'));
  try {
    const topic = `${runId}.ceiling`;
    await createTopic(kafka, topic, options.partitions);
    progress(`measuring the broker ceiling with ${options.ceilingRecords} records`);
    const request = { brokers: servers.kafkaBrokers, topic, groupId: topic, records: options.ceilingRecords };
    return await measureBrokerCeiling({ ...request, payloadFile });
  } finally {
    rmSync(payloadFile, { force: true });
  }
}

async function runPipeline(
  kafka: Kafka,
  servers: Servers,
  runId: string,
  options: BenchOptions,
  ceiling: CeilingResult | undefined,
): Promise<BenchResult> {
  progress('starting ingest, detector and aggregator');
  const started = await startBenchServices(runId, servers, options.partitions);
  progress(`services ready; logs in ${path.relative(process.cwd(), started.logDirectory)}`);
  const topics = runTopics(runId);
  const producer = createProducer(kafka);
  const poller = new CounterPoller(started.services, POLL_INTERVAL_MS);
  const load = new SysmonLoad(options.seed, options.matchRatio);
  const loadProducer = new LoadProducer(producer, topics.RAW_TOPIC, load, () => poller.latest?.detectorIn ?? 0);
  const registry = createWindowsEventCodec(loadSchema('windows-event.avsc')).registry;
  const reader = new OutputReader(
    { matches: topics.MATCHES_TOPIC, riskEvents: topics.RISK_EVENTS_TOPIC },
    registry,
    loadProducer.sendTimes,
  );
  try {
    await producer.connect();
    await reader.start(kafka, `${runId}.reader`);
    progress(`sending load: ${describeLoad(options)}`);
    const processes = measuredProcesses(started, servers);
    const loadAverage = os.loadavg();
    const measurement = await measurePipeline({
      options,
      services: started.services,
      poller,
      loadProducer,
      reader,
      processes,
    });
    return { runId, command: commandLine(), options, ceiling, measurement, reader, loadAverage, processes };
  } finally {
    await cleanUp('stopping the output reader', () => reader.stop());
    await cleanUp('disconnecting the load producer', () => producer.disconnect());
    await cleanUp('stopping the services', () => stopBenchServices(started.services));
  }
}

/** Labels and pids of the processes whose CPU and memory the report shows. */
function measuredProcesses(started: StartedServices, servers: Servers): Map<string, MeasuredProcess> {
  const processes = new Map<string, MeasuredProcess>();
  for (const [name, pid] of Object.entries(started.pids)) processes.set(name, { pid, startedByRun: true });
  processes.set('bench (load and readers)', { pid: process.pid, startedByRun: true });
  // The pid files of scripts/stack.sh name the broker and Redis only when this run uses that stack.
  if (servers.source === 'local stack') {
    const stackDirectory = process.env.RISKSTREAM_STACK_DIR ?? path.join(repositoryRoot, '.stack');
    const kafkaPid = readPidFile(path.join(stackDirectory, 'kafka.pid'));
    const redisPid = readPidFile(path.join(stackDirectory, 'redis.pid'));
    if (kafkaPid !== undefined) processes.set('kafka broker', { pid: kafkaPid, startedByRun: false });
    if (redisPid !== undefined) processes.set('redis', { pid: redisPid, startedByRun: false });
  }
  return processes;
}

function describeLoad(options: BenchOptions): string {
  const amount = options.events !== undefined ? `${options.events} events` : `${options.durationSeconds} s`;
  const rate = options.rate > 0 ? `${options.rate} events/s` : 'as fast as the pipeline keeps up';
  return `${amount} at ${rate}, match ratio ${options.matchRatio}`;
}

// Variables outside BENCH_* that change where the run goes, so the printed command repeats it.
const SERVER_VARIABLES = [
  'KAFKA_BROKERS',
  'REDIS_URL',
  'KAFKA_PORT',
  'KAFKA_CONTROLLER_PORT',
  'REDIS_PORT',
  'RISKSTREAM_STACK_DIR',
];

/** Rebuilds the command that started this run, with the BENCH_* and server variables that were set. */
function commandLine(): string {
  const variables = Object.entries(process.env)
    .filter(([name]) => name.startsWith('BENCH_') || SERVER_VARIABLES.includes(name))
    .map(([name, value]) => `${name}=${value ?? ''}`);
  const args = process.argv.slice(2);
  const base =
    process.env.npm_lifecycle_event === 'bench'
      ? ['npm run bench', ...(args.length > 0 ? ['--'] : [])]
      : ['tsx scripts/bench/pipeline-bench.ts'];
  return [...variables, ...base, ...args].join(' ');
}

/** Runs one clean-up step and reports its failure without raising, so the later steps still run. */
async function cleanUp(step: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    process.stderr.write(`bench: ${step} failed: ${(error as Error).message}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
