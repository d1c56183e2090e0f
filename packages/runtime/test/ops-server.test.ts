import type { AddressInfo } from 'node:net';
import { Counter } from 'prom-client';
import { createLogger, createMetricsRegistry, HealthState, startOpsServer, stopOpsServer } from '../src';

const logger = createLogger({ service: 'ops-test', level: 'silent' });

async function withServer(run: (base: string, health: HealthState) => Promise<void>): Promise<void> {
  const registry = createMetricsRegistry('ops-test');
  new Counter({ name: 'riskstream_test_events_total', help: 'Events seen by the test.', registers: [registry] }).inc(3);
  const health = new HealthState();
  const server = await startOpsServer({ host: '127.0.0.1', port: 0, registry, health, logger });
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, health);
  } finally {
    await stopOpsServer(server);
  }
}

test('metrics are served in Prometheus text', async () => {
  await withServer(async (base) => {
    const response = await fetch(`${base}/metrics`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(text).toContain('riskstream_test_events_total{service="ops-test"} 3');
    expect(text).toContain('process_cpu_seconds_total');
  });
});

test('readyz follows the health state', async () => {
  await withServer(async (base, health) => {
    const before = await fetch(`${base}/readyz`);
    health.setReady(true, 'consuming');
    const after = await fetch(`${base}/readyz`);

    expect(before.status).toBe(503);
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ live: true, ready: true, reason: 'consuming' });
  });
});

test('healthz fails once the service is dead', async () => {
  await withServer(async (base, health) => {
    const before = await fetch(`${base}/healthz`);
    health.setDead('consumer crashed: broker unreachable');
    const after = await fetch(`${base}/healthz`);

    expect(before.status).toBe(200);
    expect(after.status).toBe(503);
  });
});

test('unknown paths get 404', async () => {
  await withServer(async (base) => {
    expect((await fetch(`${base}/status`)).status).toBe(404);
  });
});

test('readyz fails while a dependency is down', async () => {
  await withServer(async (base, health) => {
    health.setReady(true, 'consuming');
    health.setDependency('redis', false, 'connect ECONNREFUSED 127.0.0.1:6379');
    const down = await fetch(`${base}/readyz`);
    const body = (await down.json()) as { reason: string };
    health.setDependency('redis', true);
    const up = await fetch(`${base}/readyz`);

    expect(down.status).toBe(503);
    expect(body.reason).toBe('redis: connect ECONNREFUSED 127.0.0.1:6379');
    expect(up.status).toBe(200);
  });
});
