export { uniqueName } from './names';
export { requireTestEnv } from './env';
export { resolveTestServers, readServerMode, type TestServers, type ServerSource, type ServerMode } from './servers';
export {
  isContainerEngineAvailable,
  startKafkaContainer,
  startRedisContainer,
  startServerContainers,
  stopServerContainer,
  defaultKafkaImage,
  defaultRedisImage,
  kafkaImage,
  redisImage,
  portPublishingFor,
  serverLabel,
  type ContainerOptions,
  type RedisContainerOptions,
  type StartedServer,
} from './containers';
export { startLocalStack, parseStackEnv, repositoryRoot } from './local-stack';
export { waitForKafka, waitForRedis } from './wait';
export { ScratchRedis, type ScratchRedisKind, type ScratchRedisOptions } from './scratch-redis';
export { sharedDatasetDir, sharedDatasetFiles } from './shared-datasets';
export { readTopic } from './topic-reader';
export { processAccessXml, systemTimeOf, type ProcessAccessFields } from './sysmon-events';
export { measurePerCpuSecond } from './bench-clock';
export { readExpectedWindows, riskEventRows, timeMismatches, type WindowRow } from './expected-windows';
