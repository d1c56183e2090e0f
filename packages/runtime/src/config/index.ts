export { EnvReader, ConfigError, type ConfigProblem } from './env-reader';
export { readCommonConfig, type CommonConfig, type KafkaSecurity } from './common-config';
