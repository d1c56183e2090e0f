import { createWindowsEventCodec } from '@riskstream/core';
import { loadSchema, runServiceMain } from '@riskstream/runtime';
import { readDetectorConfig } from './config';
import { startDetector } from './detector-service';
import { createDetectorMetrics } from './metrics';

runServiceMain({
  service: 'detector',
  readConfig: readDetectorConfig,
  createMetrics: createDetectorMetrics,
  start: async (config, context) => {
    const codec = createWindowsEventCodec(loadSchema('windows-event.avsc'));
    const service = await startDetector(config, { ...context, registry: codec.registry });
    return [{ name: 'stop detector', run: () => service.stop() }];
  },
});
