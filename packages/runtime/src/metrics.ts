import { Registry, collectDefaultMetrics } from 'prom-client';

/** Creates a registry with Node's process metrics, labelled with the service name. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
