import type { ServiceProcess } from '../../packages/cli/src/run/service-process';

export interface BenchServices {
  ingest: ServiceProcess;
  detector: ServiceProcess;
  aggregator: ServiceProcess;
}

export function serviceList(services: BenchServices): ServiceProcess[] {
  return [services.ingest, services.detector, services.aggregator];
}

/** The services' own counters at one moment. */
export interface StageCounters {
  atMs: number;
  ingestIn: number;
  ingestOut: number;
  detectorIn: number;
  matched: number;
  aggregatorIn: number;
  late: number;
  published: number;
  openWindows: number;
  closeLagSumSeconds: number;
  closeLagCount: number;
}

/** Throws when a service has exited, naming its log, so a crash ends the run instead of a failed fetch or a long wait. */
export function assertServicesRunning(services: BenchServices): void {
  for (const service of serviceList(services))
    if (service.exited) throw new Error(`${service.name} exited during the benchmark; see ${service.logFile}`);
}

/** Fetches /metrics of the three services at once. */
export async function readStageCounters(services: BenchServices): Promise<StageCounters> {
  assertServicesRunning(services);
  const [ingest, detector, aggregator] = await Promise.all([
    services.ingest.metrics(),
    services.detector.metrics(),
    services.aggregator.metrics(),
  ]);
  const atMs = Date.now();
  const read = (source: Map<string, number>, name: string) => source.get(`riskstream_${name}`) ?? 0;
  return {
    atMs,
    ingestIn: read(ingest, 'ingest_records_in_total'),
    ingestOut: read(ingest, 'ingest_events_out_total'),
    detectorIn: read(detector, 'detector_events_in_total'),
    matched: read(detector, 'detector_matched_total'),
    aggregatorIn: read(aggregator, 'aggregator_events_in_total'),
    late: read(aggregator, 'aggregator_late_total'),
    published: read(aggregator, 'aggregator_risk_events_published_total'),
    openWindows: read(aggregator, 'aggregator_open_windows'),
    closeLagSumSeconds: read(aggregator, 'aggregator_window_close_lag_seconds_sum'),
    closeLagCount: read(aggregator, 'aggregator_window_close_lag_seconds_count'),
  };
}

/** Polls the counters in the background, so the load can pause while the detector falls behind. */
export class CounterPoller {
  latest: StageCounters | undefined;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly services: BenchServices,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async poll(): Promise<void> {
    while (this.running) {
      // A failed poll keeps the previous counters. The measurement's own checks report a service that exited.
      this.latest = await readStageCounters(this.services).catch(() => this.latest);
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }
}
