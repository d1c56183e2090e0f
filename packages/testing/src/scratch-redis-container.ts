import { getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { resolvePortPublishing, startRedisContainer } from './containers';
import { freePort } from './free-port';
import type { ScratchRedis } from './scratch-redis';
import { waitForRedis } from './wait';

const redisReadyTimeoutMs = 60_000;

/**
 * A scratch Redis run in a container of the Redis test image. Its host port is fixed when it is
 * created, so the URL stays valid when the container is stopped and started again.
 */
export class ContainerScratchRedis implements ScratchRedis {
  private container: StartedTestContainer | undefined;

  private constructor(
    readonly url: string,
    private readonly hostPort: number,
    private readonly labels: Record<string, string>,
  ) {}

  // NOTE: freePort checks this machine. With a remote engine the port could be taken on the engine's host.
  static async create(labels: Record<string, string> = {}): Promise<ContainerScratchRedis> {
    const publishing = await resolvePortPublishing();
    const hostPort = await freePort();
    return new ContainerScratchRedis(`redis://${publishing.connectHost}:${hostPort}/0`, hostPort, labels);
  }

  /** Starts a new container the first time, and the same container, keeping its data, after `stop`. */
  async start(): Promise<void> {
    if (!this.container) {
      const args = ['--appendfsync', 'always', '--save', ''];
      const started = await startRedisContainer({ hostPort: this.hostPort, labels: this.labels, args });
      this.container = started.container;
      return;
    }
    const container = await this.engineContainer(this.container);
    await container.start();
    await waitForRedis(this.url, redisReadyTimeoutMs);
  }

  /** Sends `signal` to redis-server, the container's main process, and waits until the container exits. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.container) return;
    const container = await this.engineContainer(this.container);
    const inspection = await container.inspect();
    if (!inspection.State.Running) return;
    await container.kill({ signal });
    await container.wait();
  }

  /** Removes the container with its data, whether it runs or not. */
  async destroy(): Promise<void> {
    if (!this.container) return;
    const container = await this.engineContainer(this.container);
    await container.remove({ force: true, v: true });
    this.container = undefined;
  }

  // testcontainers has no kill or start for a started container, so these go to the engine's API.
  private async engineContainer(started: StartedTestContainer) {
    const client = await getContainerRuntimeClient();
    return client.container.getById(started.getId());
  }
}
