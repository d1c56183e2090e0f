import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from './logger';

/** Liveness and readiness as the service reports them; /healthz and /readyz serve these. */
export class HealthState {
  private live = true;
  private ready = false;
  private reason = 'starting';
  /** Dependencies that are down, by name, with the reason; any entry makes the service not ready. */
  private readonly unavailable = new Map<string, string>();

  setReady(ready: boolean, reason: string): void {
    this.ready = ready;
    this.reason = reason;
  }

  /** Records whether a dependency such as Redis is reachable. */
  setDependency(name: string, available: boolean, reason = ''): void {
    if (available) this.unavailable.delete(name);
    else this.unavailable.set(name, `${name}: ${reason}`);
  }

  setDead(reason: string): void {
    this.live = false;
    this.ready = false;
    this.reason = reason;
  }

  snapshot(): { live: boolean; ready: boolean; reason: string } {
    const [dependency] = this.unavailable.values();
    if (dependency !== undefined) return { live: this.live, ready: false, reason: dependency };
    return { live: this.live, ready: this.ready, reason: this.reason };
  }
}

export interface OpsServerOptions {
  host: string;
  port: number;
  registry: Registry;
  health: HealthState;
  logger: Logger;
}

/** Starts the HTTP server for `/metrics` (Prometheus text format), `/healthz` and `/readyz`. */
export async function startOpsServer(options: OpsServerOptions): Promise<Server> {
  const { registry, health, logger } = options;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const state = health.snapshot();
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (error: unknown) => {
          logger.error({ err: error }, 'metrics collection failed');
          response.writeHead(500).end('metrics collection failed\n');
        },
      );
      return;
    }
    if (path === '/healthz' || path === '/readyz') {
      const ok = path === '/healthz' ? state.live : state.ready;
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(state));
      return;
    }
    response.writeHead(404).end('not found: use /metrics, /healthz or /readyz\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  logger.info({ host: address.address, port: address.port }, 'ops server listening');
  return server;
}

export function stopOpsServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
