import { createWindowsEventCodec } from '@riskstream/core';
import { loadSchema, runServiceMain } from '@riskstream/runtime';
import { readIngestConfig } from './config';
import { startIngest } from './ingest-service';
import { createIngestMetrics } from './metrics';

runServiceMain({
  service: 'ingest',
  readConfig: readIngestConfig,
  createMetrics: createIngestMetrics,
  start: async (config, context) => {
    const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
    const service = await startIngest(config, { ...context, encoder: codec.encoder });
    return [{ name: 'stop ingest', run: () => service.stop() }];
  },
});
