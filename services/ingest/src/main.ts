import { createWindowsEventCodec } from '@riskstream/core';
import {
  createLogger,
  createMetricsRegistry,
  HealthState,
  installShutdown,
  loadSchema,
  startOpsServer,
  stopOpsServer,
} from '@riskstream/runtime';
import { readIngestConfig } from './config';
import { startIngest } from './ingest-service';
import { createIngestMetrics } from './metrics';

async function main(): Promise<void> {
  const config = readIngestConfig(process.env);
  const logger = createLogger({ service: 'ingest', level: config.logLevel });
  const registry = createMetricsRegistry('ingest');
  const metrics = createIngestMetrics(registry);
  const health = new HealthState();
  const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));

  const server = await startOpsServer({ host: config.httpHost, port: config.httpPort, registry, health, logger });
  const service = await startIngest(config, { logger, metrics, health, encoder: codec.encoder });
  installShutdown(logger, [
    { name: 'stop ingest', run: () => service.stop() },
    { name: 'stop ops server', run: () => stopOpsServer(server) },
  ]);
}

main().catch((error: unknown) => {
  process.stderr.write(`ingest: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
