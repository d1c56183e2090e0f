import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { RiskEvent } from '@riskstream/core';
import { createKafka, createLogger, freePort, type Consumer } from '@riskstream/runtime';
import { replayFiles } from '../commands/replay';
import { formatRiskEvent } from './risk-event-printer';
import { deleteRunData } from './run-cleanup';
import { resolveServers, repositoryRoot, type Servers } from './servers';
import { ServiceProcess, type ServiceName } from './service-process';

export interface RunOptions {
  inputs: string[];
  partitions: number;
  idleTimeoutMs: number;
  timeoutMs: number;
  /** Keep the run's topics and Redis keys at the end, for inspection. */
  keep: boolean;
  print: (line: string) => void;
}

export interface RunSummary {
  runId: string;
  replayed: number;
  metrics: Record<string, number>;
}

/**
 * The main job. It finds or starts Kafka and Redis, starts the three services on topics named for
 * this run, replays the input files and prints each risk event as it is published. It stops the
 * services once every one has consumed its input and no window is open.
 */
export class PipelineRun {
  readonly runId = `run-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${randomUUID().slice(0, 4)}`;
  private readonly services: ServiceProcess[] = [];
  private consumer: Consumer | undefined;
  private servers: Servers | undefined;
  private readonly riskEvents: RiskEvent[] = [];

  /** Risk events printed so far, in arrival order. */
  get published(): readonly RiskEvent[] {
    return this.riskEvents;
  }

  constructor(private readonly options: RunOptions) {}

  topics() {
    const name = (suffix: string) => `${this.runId}.${suffix}`;
    return {
      RAW_TOPIC: name('sysmon-raw'),
      EVENTS_TOPIC: name('sysmon-events'),
      MATCHES_TOPIC: name('wmi-impersonate-token.matches'),
      RISK_EVENTS_TOPIC: name('risk-events'),
      LATE_TOPIC: name('wmi-impersonate-token.late'),
    };
  }

  async run(): Promise<RunSummary> {
    const { print } = this.options;
    const servers = resolveServers(process.env);
    this.servers = servers;
    print(`kafka ${servers.kafkaBrokers}, redis ${servers.redisUrl} (${servers.source}); run ${this.runId}`);
    const topics = this.topics();
    const env: NodeJS.ProcessEnv = {
      KAFKA_BROKERS: servers.kafkaBrokers,
      REDIS_URL: servers.redisUrl,
      ...topics,
      TOPIC_PARTITIONS: String(this.options.partitions),
      INGEST_GROUP_ID: `${this.runId}.ingest`,
      DETECTOR_GROUP_ID: `${this.runId}.detector`,
      AGGREGATOR_GROUP_ID: `${this.runId}.aggregator`,
      REDIS_KEY_PREFIX: `riskstream:${this.runId}`,
      IDLE_TIMEOUT_MS: String(this.options.idleTimeoutMs),
      // The run replays finite files, so once they are read every window closes, as in scan.
      FLUSH_ON_IDLE: 'true',
    };
    const logDirectory = path.join(repositoryRoot, '.stack', 'logs', this.runId);
    const names: ServiceName[] = ['ingest', 'detector', 'aggregator'];
    for (const name of names) this.services.push(ServiceProcess.start(name, await freePort(), env, logDirectory));
    await Promise.all(this.services.map((service) => service.waitReady(60_000)));
    print(`services ready: ${names.join(', ')}; logs in ${path.relative(process.cwd(), logDirectory)}`);

    await this.followRiskEvents(servers.kafkaBrokers, topics.RISK_EVENTS_TOPIC);
    const replay = await replayFiles(this.options.inputs, {
      brokers: servers.kafkaBrokers.split(','),
      topic: topics.RAW_TOPIC,
      rate: 0,
      rebaseTime: false,
      batchSize: 500,
      progress: false,
      nowMs: Date.now(),
    });
    print(`replayed ${replay.events} events from ${this.options.inputs.map((file) => path.basename(file)).join(', ')}`);
    const metrics = await this.waitUntilDone(replay.events);
    return { runId: this.runId, replayed: replay.events, metrics };
  }

  /**
   * Stops the services (each drains and commits) and the risk-event reader, then deletes the
   * run's topics and Redis keys unless the run keeps them.
   */
  async stop(): Promise<void> {
    await Promise.all(this.services.map((service) => service.stop()));
    await this.consumer?.disconnect();
    if (!this.servers) return;
    if (this.options.keep) {
      this.options.print(
        `kept topics ${Object.values(this.topics()).join(', ')} and Redis keys riskstream:${this.runId}*`,
      );
      return;
    }
    await deleteRunData(this.servers, this.runId, Object.values(this.topics()));
  }

  private async followRiskEvents(brokers: string, topic: string): Promise<void> {
    const logger = createLogger({ service: 'riskstream-run', level: 'fatal' });
    const consumer = createKafka({ clientId: 'riskstream-run', brokers: brokers.split(','), logger }).consumer({
      groupId: `${this.runId}.printer`,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString() ?? '{}') as RiskEvent;
        this.riskEvents.push(event);
        this.options.print(formatRiskEvent(event));
        await Promise.resolve();
      },
    });
  }

  /** Polls the services' metrics until all input is processed, no window is open and every risk event was printed. */
  private async waitUntilDone(replayed: number): Promise<Record<string, number>> {
    const deadline = Date.now() + this.options.timeoutMs;
    // Gauges refresh once a second, so the finished state must hold for several polls in a row.
    let stablePolls = 0;
    for (;;) {
      for (const service of this.services) {
        if (service.exited) throw new Error(`${service.name} stopped unexpectedly; see ${service.logFile}`);
      }
      const [ingest, detector, aggregator] = await Promise.all(this.services.map((service) => service.metrics()));
      const metric = (source: Map<string, number> | undefined, name: string) => source?.get(name) ?? 0;
      const values = {
        read: metric(ingest, 'riskstream_ingest_records_in_total'),
        normalized: metric(ingest, 'riskstream_ingest_events_out_total'),
        detectorIn: metric(detector, 'riskstream_detector_events_in_total'),
        matched: metric(detector, 'riskstream_detector_matched_total'),
        aggregatorIn: metric(aggregator, 'riskstream_aggregator_events_in_total'),
        openWindows: metric(aggregator, 'riskstream_aggregator_open_windows'),
        published: metric(aggregator, 'riskstream_aggregator_risk_events_published_total'),
      };
      const done =
        values.read >= replayed &&
        values.detectorIn >= values.normalized &&
        values.aggregatorIn >= values.matched &&
        values.openWindows === 0 &&
        this.riskEvents.length >= values.published;
      stablePolls = done ? stablePolls + 1 : 0;
      if (stablePolls >= 4) return this.summaryMetrics(ingest, detector, aggregator);
      if (Date.now() > deadline) {
        throw new Error(
          `the pipeline did not finish within ${this.options.timeoutMs} ms (${JSON.stringify(values)}); ` +
            'see the service logs, or raise --timeout for large inputs',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private summaryMetrics(...sources: Array<Map<string, number> | undefined>): Record<string, number> {
    const summary: Record<string, number> = {};
    for (const source of sources) {
      for (const [name, value] of source ?? []) if (name.startsWith('riskstream_')) summary[name] = value;
    }
    return summary;
  }
}
