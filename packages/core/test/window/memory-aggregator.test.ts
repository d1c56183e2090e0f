import type { ClosedWindow } from '../../src/window/closed-window';
import { MemoryAggregator } from '../../src/window/memory-aggregator';
import type { WindowedEvent } from '../../src/window/windowed-event';

const SETTINGS = { size: 3600, offset: 3000, grace: 600 };
const IDLE_MS = 5 * 60 * 1000;
// Wall clock of a replay long after the data. Tests that need idleness move it forward.
const REPLAY_NOW_MS = Date.UTC(2024, 0, 1);

const SVCHOST = ['C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', 'C:\\Windows\\System32\\svchost.exe', 'WKS-01'];
const CMD = ['C:\\Windows\\System32\\wbem\\WmiPrvSE.exe', 'C:\\Windows\\System32\\cmd.exe', 'WKS-01'];

function event(values: string[], identity: string, timeMs: number, extraMicros = 0): WindowedEvent {
  return { groupValues: values, identity, timeMicros: timeMs * 1000 + extraMicros };
}

function onlyGroup(closed: ClosedWindow[]): ClosedWindow['groups'][number] | undefined {
  return closed[0]?.groups[0];
}

describe('MemoryAggregator counting', () => {
  test('same identity counts once', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    expect(onlyGroup(aggregator.flushAll())?.count).toBe(1);
  });

  test('same identity in two windows', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add(
      [event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0)), event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 8, 0))],
      REPLAY_NOW_MS,
    );
    const counts = aggregator.flushAll().map((closed) => closed.groups.map((group) => group.count));
    expect(counts).toEqual([[1], [1]]);
  });

  test('tracks min and max time', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add(
      [
        event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 7, 30), 5),
        event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 6, 50)),
        event(SVCHOST, 'r3', Date.UTC(2020, 7, 6, 7, 49, 59, 999), 999),
      ],
      REPLAY_NOW_MS,
    );
    expect(onlyGroup(aggregator.flushAll())).toEqual({
      values: SVCHOST,
      count: 3,
      minMicros: Date.UTC(2020, 7, 6, 6, 50) * 1000,
      maxMicros: Date.UTC(2020, 7, 6, 7, 49, 59, 999) * 1000 + 999,
    });
  });

  test('groups by exact values', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    const lowercase = SVCHOST.map((value) => value.toLowerCase());
    aggregator.add(
      [event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0)), event(lowercase, 'r2', Date.UTC(2020, 7, 6, 7, 0))],
      REPLAY_NOW_MS,
    );
    expect(aggregator.flushAll()[0]?.groups).toHaveLength(2);
  });

  test('orders windows and groups', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add(
      [
        event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 8, 0)),
        event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 7, 0)),
        event(CMD, 'r3', Date.UTC(2020, 7, 6, 7, 0)),
      ],
      REPLAY_NOW_MS,
    );
    const layout = aggregator.flushAll().map((closed) => [closed.window.start, closed.groups.map((g) => g.values[1])]);
    expect(layout).toEqual([
      [Date.UTC(2020, 7, 6, 6, 50) / 1000, [CMD[1], SVCHOST[1]]],
      [Date.UTC(2020, 7, 6, 7, 50) / 1000, [SVCHOST[1]]],
    ]);
  });

  test('copies group values', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    const values = [...SVCHOST];
    aggregator.add([event(values, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    values[0] = 'changed';
    expect(onlyGroup(aggregator.flushAll())?.values).toEqual(SVCHOST);
  });

  test('rejects invalid settings', () => {
    expect(() => new MemoryAggregator({ size: 0, offset: 0, grace: 0 })).toThrow(/invalid window size/);
  });
});

describe('MemoryAggregator closing', () => {
  test('watermark closes passed windows', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.add([event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 8, 0))], REPLAY_NOW_MS);
    const starts = aggregator.closeDue(REPLAY_NOW_MS, IDLE_MS).map((closed) => closed.window.start);
    expect(starts).toEqual([Date.UTC(2020, 7, 6, 6, 50) / 1000]);
  });

  test('replay does not close at first event', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    expect(aggregator.closeDue(REPLAY_NOW_MS + 1000, IDLE_MS)).toEqual([]);
  });

  test('idle partition closes due windows', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    expect(aggregator.closeDue(REPLAY_NOW_MS + IDLE_MS, IDLE_MS)).toHaveLength(1);
  });

  test('idle close keeps horizon at window', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.closeDue(REPLAY_NOW_MS + IDLE_MS, IDLE_MS);
    expect(aggregator.state.horizon).toBe(Date.UTC(2020, 7, 6, 8, 0) / 1000);
  });

  test('late event is returned', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.closeDue(REPLAY_NOW_MS + IDLE_MS, IDLE_MS);
    const late = event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 7, 5));
    expect(aggregator.add([late], REPLAY_NOW_MS + IDLE_MS)).toEqual([late]);
  });

  test('late event is not counted', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.closeDue(REPLAY_NOW_MS + IDLE_MS, IDLE_MS);
    aggregator.add([event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 7, 5))], REPLAY_NOW_MS + IDLE_MS);
    expect(aggregator.flushAll()).toEqual([]);
  });

  test('newer unseen window after idle close', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.closeDue(REPLAY_NOW_MS + IDLE_MS, IDLE_MS);
    const newer = event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 8, 0));
    expect(aggregator.add([newer], REPLAY_NOW_MS + IDLE_MS)).toEqual([]);
  });

  test('event on close boundary is late', () => {
    // 07:50:00 belongs to [07:50, 08:50), which closes at 09:00, so a watermark of 09:00 closes it.
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 9, 0))], REPLAY_NOW_MS);
    aggregator.closeDue(REPLAY_NOW_MS, IDLE_MS);
    expect(aggregator.add([event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 7, 50))], REPLAY_NOW_MS)).toHaveLength(1);
  });

  test('flushAll marks later events late', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.flushAll();
    expect(aggregator.add([event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 7, 5))], REPLAY_NOW_MS)).toHaveLength(1);
  });

  test('empty batch keeps state', () => {
    const aggregator = new MemoryAggregator(SETTINGS);
    aggregator.add([event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0))], REPLAY_NOW_MS);
    aggregator.add([], REPLAY_NOW_MS + IDLE_MS);
    expect(aggregator.state.lastEventWallMs).toBe(REPLAY_NOW_MS);
  });
});

describe('MemoryAggregator out-of-order input', () => {
  // Deterministic PRNG (mulberry32) so a failure can be reproduced.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function generate(next: () => number): WindowedEvent[] {
    const startMs = Date.UTC(2020, 7, 6, 6, 0);
    const events: WindowedEvent[] = [];
    for (let index = 0; index < 400; index += 1) {
      const values = next() < 0.5 ? SVCHOST : CMD;
      const timeMs = startMs + Math.floor(next() * 6 * 3600 * 1000);
      const item = event(values, `r${index}`, timeMs, Math.floor(next() * 1000));
      events.push(item);
      // A redelivered record repeats identity and time exactly.
      if (next() < 0.1) {
        events.push({ ...item });
      }
    }
    return events;
  }

  function run(events: readonly WindowedEvent[]): { closed: ClosedWindow[]; late: WindowedEvent[] } {
    const aggregator = new MemoryAggregator(SETTINGS);
    const closed: ClosedWindow[] = [];
    const late: WindowedEvent[] = [];
    for (const item of events) {
      late.push(...aggregator.add([item], REPLAY_NOW_MS));
      closed.push(...aggregator.closeDue(REPLAY_NOW_MS, IDLE_MS));
    }
    closed.push(...aggregator.flushAll());
    return { closed: closed.sort((a, b) => a.window.start - b.window.start), late };
  }

  test.each([1, 2, 3, 4, 5])('shuffle within grace, seed %d', (seed) => {
    const next = random(seed);
    const events = generate(next);
    const sorted = [...events].sort((a, b) => a.timeMicros - b.timeMicros);
    // Each event arrives up to grace - 1 s after its own time, so its window is still open.
    const delayed = events.map((item) => ({ item, arrival: item.timeMicros + next() * (SETTINGS.grace - 1) * 1e6 }));
    const shuffled = delayed.sort((a, b) => a.arrival - b.arrival).map(({ item }) => item);
    expect(run(shuffled)).toEqual(run(sorted));
  });

  test('shuffle beyond grace loses events', () => {
    const sorted = [event(SVCHOST, 'r1', Date.UTC(2020, 7, 6, 7, 0)), event(SVCHOST, 'r2', Date.UTC(2020, 7, 6, 8, 1))];
    expect(run([...sorted].reverse()).late).toHaveLength(1);
  });
});
