import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { isContainerEngineAvailable } from './containers';
import { ContainerScratchRedis } from './scratch-redis-container';
import { ProcessScratchRedis } from './scratch-redis-process';

/**
 * A private Redis for tests that must stop or kill Redis, which they cannot do to the shared
 * server. It persists to an append-only file fsynced on every write.
 */
export interface ScratchRedis {
  readonly url: string;
  /** Starts Redis, or starts it again with its data after `stop`. */
  start(): Promise<void>;
  /** Stops Redis with `signal`; SIGKILL skips Redis's shutdown, so only the AOF can keep data. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops Redis and deletes its data. */
  destroy(): Promise<void>;
}

export type ScratchRedisKind = 'process' | 'container';

export interface ScratchRedisOptions {
  /**
   * `process` runs redis-server from PATH and `container` runs the Redis test image. The default
   * is `process` when redis-server is on PATH, else `container` when an engine responds.
   */
  kind?: ScratchRedisKind;
  /** Labels for the container of the `container` kind. */
  labels?: Record<string, string>;
}

async function createScratchRedis(options: ScratchRedisOptions = {}): Promise<ScratchRedis> {
  const kind = options.kind ?? (await chooseScratchRedisKind());
  return kind === 'process' ? ProcessScratchRedis.create() : ContainerScratchRedis.create(options.labels);
}

async function chooseScratchRedisKind(): Promise<ScratchRedisKind> {
  if (isOnPath('redis-server')) return 'process';
  if (await isContainerEngineAvailable()) return 'container';
  throw new Error(
    'redis-server is not on PATH and no Docker-compatible engine responded, so no scratch Redis can start. ' +
      'Install redis-server (Debian: apt-get install redis-server) or start Docker',
  );
}

function isOnPath(command: string): boolean {
  const folders = (process.env.PATH ?? '').split(path.delimiter).filter((folder) => folder !== '');
  return folders.some((folder) => {
    try {
      accessSync(path.join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Creates scratch Redis servers, as a local process or in a container (see ScratchRedisOptions). */
export const ScratchRedis = { create: createScratchRedis };
