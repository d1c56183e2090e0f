import type { Registry } from 'prom-client';
import type { CommonConfig } from './config';
import { createLogger, type Logger } from './logger';
import { createMetricsRegistry } from './metrics';
import { HealthState, startOpsServer, stopOpsServer } from './ops-server';
import { installShutdown, type ShutdownStep } from './shutdown';

export interface ServiceContext<M> {
  logger: Logger;
  metrics: M;
  health: HealthState;
}

export interface ServiceMainOptions<C extends CommonConfig, M> {
  service: string;
  readConfig: (env: NodeJS.ProcessEnv) => C;
  createMetrics: (registry: Registry) => M;
  /** Connects and starts consuming; returns the shutdown steps that stop it, in order. */
  start: (config: C, context: ServiceContext<M>) => Promise<ShutdownStep[]>;
}

/**
 * The body of every service's main.ts: read and validate the configuration, create the logger,
 * metrics and health state, serve them over HTTP, start the service and install the ordered
 * shutdown. A start-up failure prints the error and exits with status 1.
 */
export function runServiceMain<C extends CommonConfig, M>(options: ServiceMainOptions<C, M>): void {
  const main = async () => {
    const config = options.readConfig(process.env);
    const logger = createLogger({ service: options.service, level: config.logLevel });
    const registry = createMetricsRegistry(options.service);
    const context = { logger, metrics: options.createMetrics(registry), health: new HealthState() };
    const server = await startOpsServer({
      host: config.httpHost,
      port: config.httpPort,
      registry,
      health: context.health,
      logger,
    });
    const steps = await options.start(config, context);
    installShutdown(logger, [...steps, { name: 'stop ops server', run: () => stopOpsServer(server) }]);
  };
  main().catch((error: unknown) => {
    process.stderr.write(
      `${options.service}: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
