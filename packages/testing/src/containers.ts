import { isIP } from 'node:net';
import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { waitForKafka } from './wait';

/** Official images that a user's Docker pulls. RISKSTREAM_KAFKA_IMAGE and RISKSTREAM_REDIS_IMAGE replace them. */
// NOTE: CI here cannot pull these, so it runs the images of scripts/podman-images.sh, which imitate
// their start scripts. A change to the official images' start-up is not caught by CI.
export const defaultKafkaImage = 'apache/kafka:4.1.1';
export const defaultRedisImage = 'redis:7.4';

/** Label on every container started here, with the value `kafka` or `redis`, to find leftovers. */
export const serverLabel = 'dev.riskstream.server';

const kafkaPort = 9092;
const redisPort = 6379;
const kafkaReadyTimeoutMs = 120_000;
const startScriptPath = '/tmp/riskstream-start.sh';
const waitingMessage = 'riskstream: waiting for start script';

export interface ContainerOptions {
  /** Image to run; defaults to the RISKSTREAM_*_IMAGE variable, else the official image. */
  image?: string;
  /** Extra container labels, for example to find the containers of one test run. */
  labels?: Record<string, string>;
}

export interface RedisContainerOptions extends ContainerOptions {
  /** redis-server arguments after `--appendonly yes --protected-mode no`. */
  args?: string[];
  /** Host port for Redis. 0, the default, lets the engine choose. A fixed port survives a restart. */
  hostPort?: number;
}

export interface StartedServer {
  /** `host:port` for Kafka, a `redis://` URL for Redis. */
  address: string;
  container: StartedTestContainer;
}

/** Host IP of published ports and the host name that tests connect to. */
export interface PortPublishing {
  /** Host IP to bind published ports to; undefined binds them on all interfaces of the engine's host. */
  bindIp: string | undefined;
  connectHost: string;
}

/** Returns the Kafka image from RISKSTREAM_KAFKA_IMAGE, or the official image when it is unset or empty. */
export function kafkaImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.RISKSTREAM_KAFKA_IMAGE?.trim() || defaultKafkaImage;
}

/** Returns the Redis image from RISKSTREAM_REDIS_IMAGE, or the official image when it is unset or empty. */
export function redisImage(env: NodeJS.ProcessEnv = process.env): string {
  return env.RISKSTREAM_REDIS_IMAGE?.trim() || defaultRedisImage;
}

/** Returns true when testcontainers finds a Docker-compatible engine (Docker or Podman). */
export async function isContainerEngineAvailable(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses how to publish ports for an engine whose host is `engineHost`. An engine on this
 * machine gets ports on 127.0.0.1 only, so tests open nothing to the network. A remote engine
 * publishes on all its interfaces, because the tests reach it over the network.
 */
export function portPublishingFor(engineHost: string): PortPublishing {
  const loopback =
    engineHost === 'localhost' || engineHost === '::1' || (isIP(engineHost) === 4 && engineHost.startsWith('127.'));
  return loopback ? { bindIp: '127.0.0.1', connectHost: '127.0.0.1' } : { bindIp: undefined, connectHost: engineHost };
}

/** Returns the port publishing for the engine that testcontainers found. */
export async function resolvePortPublishing(): Promise<PortPublishing> {
  const client = await getContainerRuntimeClient();
  return portPublishingFor(client.info.containerRuntime.host);
}

/**
 * A GenericContainer that can publish a port on one host IP. testcontainers 11.14 has no option
 * for the host IP, so `publishPort` rewrites the binding that `withExposedPorts` adds.
 */
class ServerContainer extends GenericContainer {
  publishPort(containerPort: number, hostPort: number, publishing: PortPublishing): this {
    this.withExposedPorts(hostPort === 0 ? containerPort : { container: containerPort, host: hostPort });
    if (publishing.bindIp !== undefined) {
      const bindings = (this.hostConfig.PortBindings ?? {}) as Record<string, unknown>;
      const binding = { HostIp: publishing.bindIp, HostPort: String(hostPort) };
      this.hostConfig.PortBindings = { ...bindings, [`${containerPort}/tcp`]: [binding] };
    }
    return this;
  }
}

/** Stops a server container and removes it with its anonymous volumes. */
export async function stopServerContainer(container: StartedTestContainer): Promise<void> {
  await container.stop({ remove: true, removeVolumes: true });
}

/** Starts Redis in a container with append-only persistence and waits until it accepts connections. */
export async function startRedisContainer(options: RedisContainerOptions = {}): Promise<StartedServer> {
  const publishing = await resolvePortPublishing();
  const container = await new ServerContainer(options.image ?? redisImage())
    .withLabels({ ...options.labels, [serverLabel]: 'redis' })
    // The official image builds Redis with protected mode off, but Debian's Redis needs the flag.
    .withCommand(['redis-server', '--appendonly', 'yes', '--protected-mode', 'no', ...(options.args ?? [])])
    .publishPort(redisPort, options.hostPort ?? 0, publishing)
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();
  const address = `redis://${publishing.connectHost}:${container.getMappedPort(redisPort)}/0`;
  return { address, container };
}

/**
 * Starts a single-node KRaft Kafka in a container and waits until it returns metadata. The broker
 * must advertise the host's mapped port, which is only known after start. So the container first
 * waits for a start script that sets the advertised listeners and then runs the image's own
 * launcher, /etc/kafka/docker/run, which turns the KAFKA_* variables into broker settings.
 */
export async function startKafkaContainer(options: ContainerOptions = {}): Promise<StartedServer> {
  const image = options.image ?? kafkaImage();
  const publishing = await resolvePortPublishing();
  const container = await new ServerContainer(image)
    .withLabels({ ...options.labels, [serverLabel]: 'kafka' })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${kafkaPort},BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      // The launcher's default of a fixed 1 GB heap is more than a test broker needs.
      KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
    })
    .publishPort(kafkaPort, 0, publishing)
    .withEntrypoint(['sh', '-c'])
    .withCommand([
      `echo '${waitingMessage}'; while [ ! -f ${startScriptPath} ]; do sleep 0.1; done; exec sh ${startScriptPath}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(waitingMessage))
    .start();

  const address = `${publishing.connectHost}:${container.getMappedPort(kafkaPort)}`;
  const startScript = [
    `export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${address},BROKER://localhost:9093`,
    'exec /etc/kafka/docker/run',
    '',
  ].join('\n');
  try {
    await container.copyContentToContainer([{ content: startScript, target: startScriptPath, mode: 0o755 }]);
    await waitForKafka(address, kafkaReadyTimeoutMs);
  } catch (error) {
    const logTail = await readLogTail(container);
    await stopServerContainer(container).catch(() => undefined);
    throw new Error(
      `Kafka in container ${container.getId().slice(0, 12)} (image ${image}) did not start. ` +
        `Check that the image runs /etc/kafka/docker/run like apache/kafka 4.x. Last log lines:\n${logTail}`,
      { cause: error },
    );
  }
  return { address, container };
}

/** Reads the last log lines of a container. The log stream follows the container, so reading stops after 2 s. */
async function readLogTail(container: StartedTestContainer, lines = 30): Promise<string> {
  try {
    const stream = await container.logs({ tail: lines });
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      stream.once('end', () => {
        clearTimeout(timer);
        resolve();
      });
      stream.once('error', () => resolve());
    });
    stream.destroy();
    return chunks.join('');
  } catch (error) {
    return `(could not read the container log: ${String(error)})`;
  }
}

export interface ServerContainerRequest {
  kafka: boolean;
  redis: boolean;
  /** Environment to read RISKSTREAM_KAFKA_IMAGE and RISKSTREAM_REDIS_IMAGE from. */
  env?: NodeJS.ProcessEnv;
  labels?: Record<string, string>;
}

export interface ServerContainers {
  kafka?: StartedServer;
  redis?: StartedServer;
}

/**
 * Starts the requested Kafka and Redis containers in parallel. When one fails to start, the
 * other is stopped and removed before the error is thrown.
 */
export async function startServerContainers(request: ServerContainerRequest): Promise<ServerContainers> {
  const env = request.env ?? process.env;
  const results = await Promise.allSettled([
    request.kafka ? startKafkaContainer({ image: kafkaImage(env), labels: request.labels }) : undefined,
    request.redis ? startRedisContainer({ image: redisImage(env), labels: request.labels }) : undefined,
  ]);
  const errors = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (errors.length === 0) {
    const [kafka, redis] = results.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
    return { kafka, redis };
  }

  for (const result of results) {
    if (result.status === 'fulfilled' && result.value) {
      await stopServerContainer(result.value.container).catch(() => undefined);
    }
  }
  if (errors.length === 1) throw errors[0];
  const messages = errors.map((error) => (error instanceof Error ? error.message : String(error)));
  throw new AggregateError(errors, `the Kafka and the Redis container both failed to start:\n${messages.join('\n')}`);
}
