export { uniqueName } from './names';
export { requireTestEnv } from './env';
export { resolveTestServers, type TestServers, type ServerSource } from './servers';
export {
  isContainerEngineAvailable,
  startKafkaContainer,
  startRedisContainer,
  defaultKafkaImage,
  defaultRedisImage,
} from './containers';
export { startLocalStack, parseStackEnv, repositoryRoot } from './local-stack';
export { waitForKafka } from './wait';
export { ScratchRedis } from './scratch-redis';
export { sharedDatasetDir, sharedDatasetFiles } from './shared-datasets';
export { readTopic } from './topic-reader';
