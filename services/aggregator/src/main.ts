import { runServiceMain } from '@riskstream/runtime';
import { createAggregator } from './aggregator-factory';
import { readAggregatorConfig } from './config';
import { createAggregatorMetrics } from './metrics';

runServiceMain({
  service: 'aggregator',
  readConfig: readAggregatorConfig,
  createMetrics: createAggregatorMetrics,
  start: async (config, context) => {
    const { aggregator, redis } = createAggregator(config, context);
    await aggregator.start();
    return [
      { name: 'stop aggregator', run: () => aggregator.stop() },
      { name: 'close redis', run: async () => void (await redis.quit()) },
    ];
  },
});
