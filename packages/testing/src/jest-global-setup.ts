import { isContainerEngineAvailable } from './containers';
import { readServerMode, resolveTestServers, type TestServers } from './servers';

declare global {
  var riskstreamTestServers: TestServers | undefined;
}

/**
 * Finds or starts Kafka and Redis once for the whole integration run and hands their
 * addresses to the test workers through `KAFKA_BROKERS` and `REDIS_URL`. A failure here
 * fails the run: the tests that use these servers never skip.
 * It also sets RISKSTREAM_TEST_CONTAINER_ENGINE to `available` or `unavailable`, which decides
 * whether the tests of the container helpers run. RISKSTREAM_TEST_SERVERS=local-stack skips them.
 */
export default async function globalSetup(): Promise<void> {
  const servers = await resolveTestServers();
  globalThis.riskstreamTestServers = servers;
  process.env.KAFKA_BROKERS = servers.kafkaBrokers;
  process.env.REDIS_URL = servers.redisUrl;
  process.stderr.write(
    `\nintegration servers: kafka ${servers.kafkaBrokers} (${servers.kafkaSource}), ` +
      `redis ${servers.redisUrl} (${servers.redisSource})\n`,
  );

  const startedContainers = servers.kafkaSource === 'testcontainers' || servers.redisSource === 'testcontainers';
  const engineAvailable =
    startedContainers || (readServerMode() !== 'local-stack' && (await isContainerEngineAvailable()));
  process.env.RISKSTREAM_TEST_CONTAINER_ENGINE = engineAvailable ? 'available' : 'unavailable';
  if (!engineAvailable) {
    process.stderr.write('container engine: none in use, so the container helper tests are skipped\n');
  }
}
