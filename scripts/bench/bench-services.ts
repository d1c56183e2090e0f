import path from 'node:path';
import type { Servers } from '../../packages/cli/src/run/servers';
import { repositoryRoot } from '../../packages/cli/src/run/servers';
import { ServiceProcess, type ServiceName } from '../../packages/cli/src/run/service-process';
import { findChildProcess } from './process-usage';
import { findFreePort } from './run-resources';
import { serviceList, type BenchServices } from './stage-counters';

export const serviceNames: ServiceName[] = ['ingest', 'detector', 'aggregator'];

/** Returns the topic names of one run. The services create these topics and `.dlq` topics of their own. */
export function runTopics(runId: string) {
  return {
    RAW_TOPIC: `${runId}.sysmon-raw`,
    EVENTS_TOPIC: `${runId}.sysmon-events`,
    MATCHES_TOPIC: `${runId}.wmi-impersonate-token.matches`,
    RISK_EVENTS_TOPIC: `${runId}.risk-events`,
    LATE_TOPIC: `${runId}.wmi-impersonate-token.late`,
  };
}

/** Returns the Redis key prefix of one run, so that its window state never mixes with another run's. */
export function redisKeyPrefix(runId: string): string {
  return `riskstream:${runId}`;
}

export interface StartedServices {
  services: BenchServices;
  /** Pid of each service's Node process, for /proc readings. */
  pids: Record<ServiceName, number>;
  logDirectory: string;
}

/**
 * Starts the three services on the run's topics. Windows are 10 s with 2 s of grace, so windows of
 * live event times close while the load runs. The detection file's one-hour windows would not.
 */
export async function startBenchServices(
  runId: string,
  servers: Servers,
  partitions: number,
): Promise<StartedServices> {
  const env: NodeJS.ProcessEnv = {
    KAFKA_BROKERS: servers.kafkaBrokers,
    REDIS_URL: servers.redisUrl,
    ...runTopics(runId),
    TOPIC_PARTITIONS: String(partitions),
    INGEST_GROUP_ID: `${runId}.ingest`,
    DETECTOR_GROUP_ID: `${runId}.detector`,
    AGGREGATOR_GROUP_ID: `${runId}.aggregator`,
    REDIS_KEY_PREFIX: redisKeyPrefix(runId),
    WINDOW_SIZE_SECONDS: '10',
    WINDOW_OFFSET_SECONDS: '0',
    GRACE_SECONDS: '2',
    // Closes the last windows 3 s after the load stops instead of the default 30 s.
    IDLE_TIMEOUT_MS: '3000',
    // Closed windows' keys then expire even when the clean-up at the end does not run.
    CLOSED_STATE_TTL_SECONDS: '600',
  };
  const logDirectory = path.join(repositoryRoot, '.stack', 'logs', runId);
  const started: ServiceProcess[] = [];
  for (const name of serviceNames) started.push(ServiceProcess.start(name, await findFreePort(), env, logDirectory));
  const [ingest, detector, aggregator] = started as [ServiceProcess, ServiceProcess, ServiceProcess];
  const services = { ingest, detector, aggregator };
  try {
    await Promise.all(started.map((service) => service.waitReady(60_000)));
  } catch (error) {
    await stopBenchServices(services);
    throw error;
  }
  return { services, pids: findServicePids(), logDirectory };
}

export async function stopBenchServices(services: BenchServices): Promise<void> {
  await Promise.all(serviceList(services).map((service) => service.stop()));
}

function findServicePids(): Record<ServiceName, number> {
  const entries = serviceNames.map((name) => {
    const marker = path.join('services', name, 'dist', 'main.js');
    const pid = findChildProcess(marker);
    if (pid === undefined)
      throw new Error(
        `child process running ${marker} not found in /proc: the benchmark reads CPU and memory there, so run it on Linux`,
      );
    return [name, pid] as const;
  });
  return Object.fromEntries(entries) as Record<ServiceName, number>;
}
