import type { WindowSettings } from '../detection/detection';
import { advance, closeHorizon, initialCloseState, isLate } from './close-policy';
import type { CloseState } from './close-policy';
import type { ClosedWindow, WindowGroup } from './closed-window';
import { groupKey } from './group-key';
import { closesAt, validateWindowSettings, windowOf } from './time-window';
import type { TimeWindow } from './time-window';
import type { WindowedEvent } from './windowed-event';

interface OpenWindow {
  window: TimeWindow;
  /** Identities already counted in this window, whatever their group. */
  identities: Set<string>;
  groups: Map<string, WindowGroup>;
}

/**
 * Tumbling-window stats for one partition, held in memory. It is the reference for the Redis
 * aggregator's semantics and serves the one-process scan. Use one instance per partition,
 * because the close policy tracks one watermark.
 */
export class MemoryAggregator {
  private closeState: CloseState = initialCloseState();
  private readonly openWindows = new Map<number, OpenWindow>();

  constructor(private readonly settings: WindowSettings) {
    validateWindowSettings(settings);
  }

  /** Returns a copy of the partition's close state. */
  get state(): CloseState {
    return { ...this.closeState };
  }

  /**
   * Counts each event in its window, at most once per identity and window. Returns the events
   * whose window had already closed, which are not counted. An empty batch changes nothing.
   */
  add(events: readonly WindowedEvent[], nowMs: number): WindowedEvent[] {
    const late: WindowedEvent[] = [];
    let batchMaxMicros = -Infinity;
    for (const event of events) {
      batchMaxMicros = Math.max(batchMaxMicros, event.timeMicros);
      const window = windowOf(event.timeMicros, this.settings);
      if (isLate(window, this.closeState.horizon, this.settings)) {
        late.push(event);
      } else {
        this.count(window, event);
      }
    }
    if (events.length > 0) {
      this.closeState = advance(this.closeState, batchMaxMicros, nowMs);
    }
    return late;
  }

  /** Moves the horizon by the close policy and returns the windows it closed, oldest first. */
  closeDue(nowMs: number, idleTimeoutMs: number): ClosedWindow[] {
    const windows = [...this.openWindows.values()].map((open) => open.window);
    const horizon = closeHorizon(this.closeState, nowMs, idleTimeoutMs, windows, this.settings);
    this.closeState = { ...this.closeState, horizon };
    return this.takeWindows((window) => isLate(window, horizon, this.settings));
  }

  /**
   * Closes every open window, oldest first, as at the end of a scan. The horizon moves past them,
   * so events that arrive later for these windows are late instead of being counted again.
   */
  flushAll(): ClosedWindow[] {
    const closed = this.takeWindows(() => true);
    let horizon = this.closeState.horizon;
    for (const { window } of closed) {
      horizon = Math.max(horizon, closesAt(window, this.settings));
    }
    this.closeState = { ...this.closeState, horizon };
    return closed;
  }

  private count(window: TimeWindow, event: WindowedEvent): void {
    const open = this.openWindowFor(window);
    if (open.identities.has(event.identity)) {
      return;
    }
    open.identities.add(event.identity);
    const key = groupKey(event.groupValues);
    const group = open.groups.get(key);
    if (group === undefined) {
      const values = [...event.groupValues];
      open.groups.set(key, { values, count: 1, minMicros: event.timeMicros, maxMicros: event.timeMicros });
    } else {
      group.count += 1;
      group.minMicros = Math.min(group.minMicros, event.timeMicros);
      group.maxMicros = Math.max(group.maxMicros, event.timeMicros);
    }
  }

  private openWindowFor(window: TimeWindow): OpenWindow {
    let open = this.openWindows.get(window.start);
    if (open === undefined) {
      open = { window, identities: new Set(), groups: new Map() };
      this.openWindows.set(window.start, open);
    }
    return open;
  }

  /** Removes the open windows that `shouldClose` selects and returns them in a fixed order. */
  private takeWindows(shouldClose: (window: TimeWindow) => boolean): ClosedWindow[] {
    const closed: ClosedWindow[] = [];
    for (const [start, open] of this.openWindows) {
      if (shouldClose(open.window)) {
        this.openWindows.delete(start);
        closed.push({ window: open.window, groups: sortedGroups(open.groups) });
      }
    }
    return closed.sort((a, b) => a.window.start - b.window.start);
  }
}

/** Orders groups by key so that output does not depend on arrival order. */
function sortedGroups(groups: Map<string, WindowGroup>): WindowGroup[] {
  const entries = [...groups.entries()].sort(compareEntryKeys);
  return entries.map(([, group]) => group);
}

function compareEntryKeys([a]: [string, WindowGroup], [b]: [string, WindowGroup]): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
