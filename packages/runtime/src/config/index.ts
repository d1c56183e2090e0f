export { EnvReader, ConfigError, type ConfigProblem } from './env-reader';
export { readCommonConfig, type CommonConfig } from './common-config';
