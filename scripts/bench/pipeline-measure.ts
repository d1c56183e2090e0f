import type { BenchOptions } from './bench-options';
import type { BenchServices, StageCounters } from './stage-counters';
import { assertServicesRunning, readStageCounters, type CounterPoller } from './stage-counters';
import type { LoadProducer, LoadResult } from './load-producer';
import type { OutputReader } from './output-reader';
import { readProcessUsage, type ProcessUsage } from './process-usage';

export interface MeasureContext {
  options: BenchOptions;
  services: BenchServices;
  /** Started and stopped by `measurePipeline`, while the load producer reads its latest counters. */
  poller: CounterPoller;
  loadProducer: LoadProducer;
  reader: OutputReader;
  /** Processes whose CPU time and peak memory the report shows, by label. */
  processes: Map<string, MeasuredProcess>;
}

export interface MeasuredProcess {
  pid: number;
  /** False for the broker and Redis, whose peak memory dates from before this run. */
  startedByRun: boolean;
}

export interface PipelineMeasurement {
  load: LoadResult;
  /** Counters when the warm-up ended and when the load ended: the measured interval. */
  start: StageCounters;
  end: StageCounters;
  /** Counters after the drain. */
  final: StageCounters;
  drained: boolean;
  usageAtStart: Map<string, ProcessUsage>;
  usageAtEnd: Map<string, ProcessUsage>;
  /** Usage after the drain, for peak memory. */
  usageFinal: Map<string, ProcessUsage>;
}

export const POLL_INTERVAL_MS = 500;
// The open-windows gauge refreshes once a second, so the drained state must hold over several polls.
const STABLE_POLLS = 3;

/** Runs the load, takes the counters at the start and end of the measured interval, then drains the pipeline. */
export async function measurePipeline(context: MeasureContext): Promise<PipelineMeasurement> {
  const { options, services, loadProducer, poller } = context;
  poller.start();
  const loading = loadProducer.run({
    durationMs: options.durationSeconds * 1000,
    events: options.events,
    rate: options.rate,
    maxBacklog: options.maxBacklog,
  });
  let loadDone = false;
  // Marks the end either way, because `await loading` below raises the error of a failed load.
  loading.then(
    () => (loadDone = true),
    () => (loadDone = true),
  );
  try {
    const warmupEnd = Date.now() + options.warmupSeconds * 1000;
    while (!loadDone && Date.now() < warmupEnd) await sleepChecking(services, 100);
    if (loadDone) {
      await loading;
      throw new Error(
        `the load ended during the ${options.warmupSeconds} s warm-up: raise --events or --duration, or lower --warmup`,
      );
    }
    const usageAtStart = readUsage(context.processes);
    const start = await readStageCounters(services);
    const load = await loading;
    const usageAtEnd = readUsage(context.processes);
    const end = await readStageCounters(services);
    const { final, drained } = await drain(context, load, options.drainTimeoutSeconds * 1000);
    return { load, start, end, final, drained, usageAtStart, usageAtEnd, usageFinal: readUsage(context.processes) };
  } finally {
    loadProducer.stop();
    await loading.catch(() => undefined);
    await poller.stop();
  }
}

/** Waits until every stage has read its input, no window is open and the reader has every output. */
async function drain(
  context: MeasureContext,
  load: LoadResult,
  timeoutMs: number,
): Promise<{ final: StageCounters; drained: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let stablePolls = 0;
  for (;;) {
    const counters = await readStageCounters(context.services);
    stablePolls = isDrained(counters, load, context.reader) ? stablePolls + 1 : 0;
    if (stablePolls >= STABLE_POLLS) return { final: counters, drained: true };
    if (Date.now() > deadline) return { final: counters, drained: false };
    await sleepChecking(context.services, POLL_INTERVAL_MS);
  }
}

function isDrained(counters: StageCounters, load: LoadResult, reader: OutputReader): boolean {
  return (
    counters.ingestIn >= load.sent &&
    counters.detectorIn >= counters.ingestOut &&
    counters.aggregatorIn >= counters.matched &&
    counters.openWindows === 0 &&
    reader.matchesRead >= counters.matched &&
    reader.riskEventsRead >= counters.published
  );
}

function readUsage(processes: Map<string, MeasuredProcess>): Map<string, ProcessUsage> {
  const usage = new Map<string, ProcessUsage>();
  for (const [label, { pid }] of processes) {
    const reading = readProcessUsage(pid);
    if (reading) usage.set(label, reading);
  }
  return usage;
}

async function sleepChecking(services: BenchServices, ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  assertServicesRunning(services);
}
