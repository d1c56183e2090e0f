import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';

/** Official images a user's Docker pulls; override them to use locally built ones. */
export const defaultKafkaImage = 'apache/kafka:4.1.1';
export const defaultRedisImage = 'redis:7.4';

const kafkaPort = 9092;
const redisPort = 6379;
const startScriptPath = '/tmp/riskstream-start.sh';
const waitingMessage = 'riskstream: waiting for start script';

/** Returns true when testcontainers finds a Docker-compatible engine (Docker or Podman). */
export async function isContainerEngineAvailable(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export interface StartedServer {
  address: string;
  container: StartedTestContainer;
}

/** Starts Redis in a container with append-only persistence. */
export async function startRedisContainer(image: string): Promise<StartedServer> {
  const container = await new GenericContainer(image)
    .withCommand(['redis-server', '--appendonly', 'yes', '--protected-mode', 'no'])
    .withExposedPorts(redisPort)
    .withWaitStrategy(Wait.forLogMessage('Ready to accept connections'))
    .start();
  return { address: `redis://${container.getHost()}:${container.getMappedPort(redisPort)}/0`, container };
}

/**
 * Starts a single-node KRaft Kafka in a container. The broker must advertise the host's
 * mapped port, which is only known after start, so the container first waits for a start
 * script that sets the advertised listeners and then runs the image's own launcher.
 */
export async function startKafkaContainer(image: string): Promise<StartedServer> {
  const container = await new GenericContainer(image)
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
    })
    .withExposedPorts(kafkaPort)
    .withEntrypoint(['sh', '-c'])
    .withCommand([
      `echo '${waitingMessage}'; while [ ! -f ${startScriptPath} ]; do sleep 0.1; done; exec sh ${startScriptPath}`,
    ])
    .withWaitStrategy(Wait.forLogMessage(waitingMessage))
    .start();

  const address = `${container.getHost()}:${container.getMappedPort(kafkaPort)}`;
  const startScript = [
    `export KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://${address},BROKER://localhost:9093`,
    'exec /etc/kafka/docker/run',
    '',
  ].join('\n');
  await container.copyContentToContainer([{ content: startScript, target: startScriptPath, mode: 0o755 }]);
  return { address, container };
}
