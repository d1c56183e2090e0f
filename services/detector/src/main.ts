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
import { readDetectorConfig } from './config';
import { startDetector } from './detector-service';
import { createDetectorMetrics } from './metrics';

async function main(): Promise<void> {
  const config = readDetectorConfig(process.env);
  const logger = createLogger({ service: 'detector', level: config.logLevel });
  const registry = createMetricsRegistry('detector');
  const metrics = createDetectorMetrics(registry);
  const health = new HealthState();
  const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));

  const server = await startOpsServer({ host: config.httpHost, port: config.httpPort, registry, health, logger });
  const service = await startDetector(config, { logger, metrics, health, registry: codec.registry });
  installShutdown(logger, [
    { name: 'stop detector', run: () => service.stop() },
    { name: 'stop ops server', run: () => stopOpsServer(server) },
  ]);
}

main().catch((error: unknown) => {
  process.stderr.write(`detector: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
