import { resolveTestServers, type TestServers } from './servers';

declare global {
  var riskstreamTestServers: TestServers | undefined;
}

/**
 * Finds or starts Kafka and Redis once for the whole integration run and hands their
 * addresses to the test workers through `KAFKA_BROKERS` and `REDIS_URL`. A failure here
 * fails the run: the integration tests never skip.
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
}
