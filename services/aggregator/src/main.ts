import { validateTimeZone } from '@riskstream/core';
import {
  createLogger,
  createMetricsRegistry,
  HealthState,
  installShutdown,
  startOpsServer,
  stopOpsServer,
} from '@riskstream/runtime';
import { createAggregator } from './aggregator-factory';
import { readAggregatorConfig } from './config';
import { createAggregatorMetrics } from './metrics';

async function main(): Promise<void> {
  const config = readAggregatorConfig(process.env);
  validateTimeZone(config.timeZone);
  const logger = createLogger({ service: 'aggregator', level: config.logLevel });
  const registry = createMetricsRegistry('aggregator');
  const metrics = createAggregatorMetrics(registry);
  const health = new HealthState();
  const { aggregator, redis } = createAggregator(config, { logger, metrics, health });

  const server = await startOpsServer({ host: config.httpHost, port: config.httpPort, registry, health, logger });
  await aggregator.start();
  installShutdown(logger, [
    { name: 'stop aggregator', run: () => aggregator.stop() },
    { name: 'close redis', run: async () => void (await redis.quit()) },
    { name: 'stop ops server', run: () => stopOpsServer(server) },
  ]);
}

main().catch((error: unknown) => {
  process.stderr.write(`aggregator: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
