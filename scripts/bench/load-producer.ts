import type { Producer } from '@riskstream/runtime';
import type { SysmonLoad } from './sysmon-load';

export interface LoadPlan {
  /** Stop after this many ms, unless `events` is set. */
  durationMs: number;
  events: number | undefined;
  /** Raw events per second, where 0 sends the next batch as soon as the previous one is acknowledged. */
  rate: number;
  maxBacklog: number;
}

export interface LoadResult {
  sent: number;
  rawBytes: number;
  startedMs: number;
  endedMs: number;
  /** Time spent waiting because the detector was `maxBacklog` events behind. */
  pausedMs: number;
}

const MAX_BATCH = 500;
const PACING_TICK_MS = 5;

/**
 * Sends generated events to the raw topic, keyed by Computer as log shippers key them, and
 * records the send time of every match for the latency measurement.
 */
export class LoadProducer {
  /** Send time in epoch ms per `computer|EventRecordID` of each match. The output reader removes the entries it reads. */
  readonly sendTimes = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly load: SysmonLoad,
    /** Returns how many raw events the detector has read so far. */
    private readonly detected: () => number,
  ) {}

  async run(plan: LoadPlan): Promise<LoadResult> {
    const result: LoadResult = { sent: 0, rawBytes: 0, startedMs: Date.now(), endedMs: 0, pausedMs: 0 };
    // Each pass sends one batch or sleeps a few ms, and `finished` turns true once the time or the count is used up.
    while (!this.finished(plan, result)) {
      const batchSize = this.nextBatchSize(plan, result);
      if (batchSize === 0) {
        await sleep(PACING_TICK_MS);
        continue;
      }
      if (result.sent - this.detected() >= plan.maxBacklog) {
        const pauseStart = Date.now();
        await sleep(PACING_TICK_MS * 4);
        result.pausedMs += Date.now() - pauseStart;
        continue;
      }
      await this.sendBatch(batchSize, result);
    }
    result.endedMs = Date.now();
    return result;
  }

  /** Ends a running load after its current batch. */
  stop(): void {
    this.stopped = true;
  }

  private finished(plan: LoadPlan, result: LoadResult): boolean {
    if (this.stopped) return true;
    if (plan.events !== undefined) return result.sent >= plan.events;
    return Date.now() - result.startedMs >= plan.durationMs;
  }

  /** Returns how many events are due now: a full batch at rate 0, else what the rate allows since the start. */
  private nextBatchSize(plan: LoadPlan, result: LoadResult): number {
    let size = MAX_BATCH;
    if (plan.rate > 0) {
      const due = Math.floor(((Date.now() - result.startedMs) / 1000) * plan.rate) - result.sent;
      size = Math.min(size, Math.max(0, due));
    }
    if (plan.events !== undefined) size = Math.min(size, plan.events - result.sent);
    return size;
  }

  private async sendBatch(size: number, result: LoadResult): Promise<void> {
    const generatedMs = Date.now();
    const matchKeys: string[] = [];
    const messages = Array.from({ length: size }, () => {
      const event = this.load.next(generatedMs);
      if (event.matches) matchKeys.push(`${event.computer}|${event.recordId}`);
      result.rawBytes += Buffer.byteLength(event.xml);
      return { key: event.computer, value: event.xml };
    });
    const sentMs = Date.now();
    for (const key of matchKeys) this.sendTimes.set(key, sentMs);
    await this.producer.send({ topic: this.topic, acks: -1, messages });
    result.sent += size;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
