import { advance, closeHorizon, initialCloseState, isLate } from '../../src/window/close-policy';
import type { CloseState } from '../../src/window/close-policy';

const SETTINGS = { size: 3600, offset: 3000, grace: 600 };
const IDLE_MS = 5 * 60 * 1000;
const seconds = (ms: number): number => ms / 1000;

// The window [06:50, 07:50) closes at 08:00 on 2020-08-06.
const WINDOW = { start: seconds(Date.UTC(2020, 7, 6, 6, 50)), end: seconds(Date.UTC(2020, 7, 6, 7, 50)) };
const CLOSES_AT = seconds(Date.UTC(2020, 7, 6, 8, 0));

function state(overrides: Partial<CloseState>): CloseState {
  return { ...initialCloseState(), ...overrides };
}

describe('advance', () => {
  test('raises the watermark', () => {
    const next = advance(state({ watermarkMicros: 5 }), 9, Date.UTC(2024, 0, 1));
    expect(next.watermarkMicros).toBe(9);
  });

  test('never lowers the watermark', () => {
    const next = advance(state({ watermarkMicros: 9 }), 5, Date.UTC(2024, 0, 1));
    expect(next.watermarkMicros).toBe(9);
  });

  test('records the wall clock', () => {
    const next = advance(state({ lastEventWallMs: 1 }), 5, Date.UTC(2024, 0, 1));
    expect(next.lastEventWallMs).toBe(Date.UTC(2024, 0, 1));
  });

  test('keeps the horizon', () => {
    const next = advance(state({ horizon: 77 }), 5, Date.UTC(2024, 0, 1));
    expect(next.horizon).toBe(77);
  });
});

describe('closeHorizon', () => {
  const liveNow = Date.UTC(2020, 7, 6, 8, 30);

  test.each([
    [
      'watermark reaches close',
      state({ watermarkMicros: CLOSES_AT * 1e6, lastEventWallMs: liveNow }),
      liveNow,
      CLOSES_AT,
    ],
    [
      'watermark 1 µs short',
      state({ watermarkMicros: CLOSES_AT * 1e6 - 1, lastEventWallMs: liveNow }),
      liveNow,
      CLOSES_AT - 1,
    ],
    ['idle and wall clock past', state({ lastEventWallMs: liveNow - IDLE_MS }), liveNow, CLOSES_AT],
    ['wall clock past, not idle', state({ lastEventWallMs: liveNow - IDLE_MS + 1 }), liveNow, -Infinity],
    ['idle, wall clock short', state({ lastEventWallMs: 0 }), Date.UTC(2020, 7, 6, 7, 59, 59, 999), -Infinity],
    [
      'horizon never moves back',
      state({ horizon: CLOSES_AT + 3600, lastEventWallMs: liveNow }),
      liveNow,
      CLOSES_AT + 3600,
    ],
  ])('%s', (_case, closeState, nowMs, expected) => {
    expect(closeHorizon(closeState, nowMs, IDLE_MS, [WINDOW], SETTINGS)).toBe(expected);
  });

  test('no events, no open windows', () => {
    expect(closeHorizon(initialCloseState(), liveNow, IDLE_MS, [], SETTINGS)).toBe(-Infinity);
  });

  test('idle close stops at newest due window', () => {
    const windows = [0, 1, 2].map((hour) => ({ start: WINDOW.start + hour * 3600, end: WINDOW.end + hour * 3600 }));
    const nowMs = Date.UTC(2020, 7, 6, 9, 30);
    expect(closeHorizon(state({ lastEventWallMs: 0 }), nowMs, IDLE_MS, windows, SETTINGS)).toBe(CLOSES_AT + 3600);
  });

  test('idle close ignores the wall clock itself', () => {
    const nowMs = Date.UTC(2024, 0, 1);
    expect(closeHorizon(state({ lastEventWallMs: 0 }), nowMs, IDLE_MS, [WINDOW], SETTINGS)).toBe(CLOSES_AT);
  });

  test('replay in progress keeps windows open', () => {
    const nowMs = Date.UTC(2024, 0, 1);
    const replaying = state({ watermarkMicros: Date.UTC(2020, 7, 6, 7, 10) * 1000, lastEventWallMs: nowMs - 1000 });
    expect(closeHorizon(replaying, nowMs, IDLE_MS, [WINDOW], SETTINGS)).toBe(seconds(Date.UTC(2020, 7, 6, 7, 10)));
  });
});

describe('isLate', () => {
  test.each([
    ['horizon at close time', CLOSES_AT, true],
    ['horizon past close time', CLOSES_AT + 1, true],
    ['horizon 1 s short', CLOSES_AT - 1, false],
    ['no horizon yet', -Infinity, false],
  ])('%s', (_case, horizon, expected) => {
    expect(isLate(WINDOW, horizon, SETTINGS)).toBe(expected);
  });
});
