import os from 'node:os';
import type { BenchOptions } from './bench-options';
import type { CeilingResult } from './broker-ceiling';
import type { OutputReader } from './output-reader';
import type { MeasuredProcess, PipelineMeasurement } from './pipeline-measure';

export interface BenchResult {
  runId: string;
  command: string;
  options: BenchOptions;
  ceiling: CeilingResult | undefined;
  measurement: PipelineMeasurement;
  reader: OutputReader;
  /** os.loadavg() before the load, to show how busy the shared machine was. */
  loadAverage: number[];
  processes: Map<string, MeasuredProcess>;
}

const stages = [
  { label: 'ingest', input: 'raw XML', counter: 'ingestIn' },
  { label: 'detector', input: 'normalized events', counter: 'detectorIn' },
  { label: 'aggregator', input: 'matches', counter: 'aggregatorIn' },
] as const;

/** Renders the result as Markdown, which reads as plain tables in a terminal too. */
export function renderReport(result: BenchResult): string {
  const { measurement } = result;
  const seconds = (measurement.end.atMs - measurement.start.atMs) / 1000;
  const ingestRate = (measurement.end.ingestIn - measurement.start.ingestIn) / seconds;
  return [
    ...headerLines(result, seconds),
    '',
    ...stageTable(result, seconds),
    '',
    ...latencyLines(result),
    '',
    ...ceilingTable(result, ingestRate),
    '',
    ...checkLines(result),
  ].join('\n');
}

function headerLines(result: BenchResult, seconds: number): string[] {
  const { load } = result.measurement;
  const { options } = result;
  const loadSeconds = (load.endedMs - load.startedMs) / 1000;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const rate = options.rate > 0 ? `target ${options.rate}/s` : `as fast as the pipeline keeps up`;
  return [
    `Pipeline benchmark ${result.runId}, ${new Date(load.startedMs).toISOString()}`,
    `command: ${result.command}`,
    `machine: ${os.cpus().length} cores (${cpu}), Node ${process.version}; broker and Redis on the same machine; ` +
      `load average before the load ${result.loadAverage.map((value) => value.toFixed(2)).join(' ')}`,
    `load: ${load.sent} raw events in ${loadSeconds.toFixed(1)} s (${rate}, ${format(load.sent / loadSeconds)}/s sent), ` +
      `mean raw XML ${format(load.rawBytes / load.sent)} B, match ratio ${options.matchRatio}, ` +
      `partitions ${options.partitions}, paused ${(load.pausedMs / 1000).toFixed(1)} s at --max-backlog ${options.maxBacklog}`,
    `measured interval: ${seconds.toFixed(1)} s, from the end of the ${options.warmupSeconds} s warm-up to the end of the load`,
  ];
}

function stageTable(result: BenchResult, seconds: number): string[] {
  const { measurement } = result;
  const rawEvents = measurement.end.ingestIn - measurement.start.ingestIn;
  const rows = stages.map(({ label, input, counter }) => {
    const events = measurement.end[counter] - measurement.start[counter];
    return [label, input, format(events), format(events / seconds)];
  });
  for (const label of result.processes.keys())
    if (!stages.some((stage) => stage.label === label)) rows.push([label, '', '', '']);
  for (const row of rows) row.push(...usageCells(result, row[0] as string, { seconds, rawEvents }));
  const header = ['process', 'input', 'events in', 'events/s', 'CPU s', 'CPU % of 1 core', 'CPU µs per raw event'];
  return table([...header, 'peak RSS MiB'], rows);
}

function usageCells(result: BenchResult, label: string, interval: { seconds: number; rawEvents: number }): string[] {
  const { usageAtStart, usageAtEnd, usageFinal } = result.measurement;
  const start = usageAtStart.get(label);
  const end = usageAtEnd.get(label);
  if (!start || !end) return ['n/a', 'n/a', 'n/a', 'n/a'];
  const cpuSeconds = end.cpuSeconds - start.cpuSeconds;
  const final = usageFinal.get(label);
  const peak = result.processes.get(label)?.startedByRun && final ? format(final.peakRssBytes, 2 ** 20) : 'n/a';
  const perEvent = interval.rawEvents > 0 ? ((cpuSeconds / interval.rawEvents) * 1e6).toFixed(1) : 'n/a';
  return [cpuSeconds.toFixed(1), format((cpuSeconds / interval.seconds) * 100), perEvent, peak];
}

function latencyLines(result: BenchResult): string[] {
  const { start, end } = result.measurement;
  const latencies = result.reader.latencies
    .filter((sample) => sample.sentMs >= start.atMs && sample.sentMs <= end.atMs)
    .map((sample) => sample.latencyMs);
  const closes = [...result.reader.windowCloses.values()]
    .filter((close) => close.closeTimeMs >= start.atMs && close.closeTimeMs <= end.atMs)
    .map((close) => close.lagMs);
  const final = result.measurement.final;
  const histogramMean = final.closeLagCount > 0 ? (final.closeLagSumSeconds / final.closeLagCount).toFixed(2) : 'n/a';
  const lines = table(
    ['latency', 'samples', 'p50 ms', 'p99 ms', 'max ms'],
    [
      ['raw send -> match produced', ...summary(latencies)],
      ['window close time -> risk events produced', ...summary(closes)],
    ],
  );
  lines.push('');
  if (result.options.rate === 0)
    lines.push(
      `At rate 0 the latency includes queueing behind up to --max-backlog ${result.options.maxBacklog} events.`,
    );
  lines.push(
    `aggregator histogram riskstream_aggregator_window_close_lag_seconds over the whole run: ` +
      `${final.closeLagCount} closes, mean ${histogramMean} s`,
  );
  return lines;
}

function ceilingTable(result: BenchResult, ingestRate: number): string[] {
  const { ceiling } = result;
  if (!ceiling) return ['broker ceiling: skipped (--ceiling-records 0)'];
  const share = (ceilingRate: number) => `${((ingestRate / ceilingRate) * 100).toFixed(1)} %`;
  const producer = [
    'ProducerPerformance',
    format(ceiling.producerRecordsPerSecond),
    ceiling.producerMegabytesPerSecond.toFixed(1),
    share(ceiling.producerRecordsPerSecond),
    `send p99 ${ceiling.producerP99Ms} ms`,
  ];
  const consumer = [
    'ConsumerPerformance',
    format(ceiling.consumerRecordsPerSecond),
    ceiling.consumerMegabytesPerSecond.toFixed(1),
    share(ceiling.consumerRecordsPerSecond),
    'fetch rate, group join left out',
  ];
  return [
    `broker ceiling: ${ceiling.records} records per tool, payloads drawn from the same generator, ` +
      `${result.options.partitions} partitions, Java client defaults (acks=all), run before the services start`,
    '',
    ...table(['tool', 'records/s', 'MB/s', 'pipeline ingest rate as share', 'note'], [producer, consumer]),
  ];
}

function checkLines(result: BenchResult): string[] {
  const { final, drained, usageAtStart, usageFinal } = result.measurement;
  const { reader } = result;
  // A process that was measured at the start but not after the drain exited or was restarted, for
  // example a shared broker stopped by another user of the machine.
  const vanished = [...usageAtStart.keys()].filter((label) => !usageFinal.has(label));
  return [
    ...vanished.map((label) => `WARNING: ${label} exited or restarted during the run, so its numbers are incomplete`),
    `checks: drained ${drained ? 'yes' : 'NO, the numbers after the load are incomplete'}; ` +
      `matches ${final.matched} produced, ${reader.matchesRead} read, ${reader.unknownMatches} without a send time; ` +
      `late ${final.late}; risk events ${final.published} published, ${reader.riskEventsRead} read`,
  ];
}

function summary(values: number[]): string[] {
  if (values.length === 0) return ['0', 'n/a', 'n/a', 'n/a'];
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank percentile: the smallest value with at least p of the samples at or below it.
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
  return [format(sorted.length), format(rank(0.5)), format(rank(0.99)), format(sorted[sorted.length - 1] as number)];
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)];
}

function format(value: number, divisor = 1): string {
  return Math.round(value / divisor).toLocaleString('en-US');
}
