import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

// The replay files are shared read-only data kept beside the repository, never copied into it.
const DEFAULT_DATASET_DIR = path.resolve(__dirname, '../../../../shared/datasets/sysmon');

/**
 * Returns the directory of the shared Sysmon datasets, or undefined when it is missing so that
 * tests can skip. With CI=true a missing directory throws, because CI must run those tests.
 * RISKSTREAM_SHARED_DATASETS overrides the location.
 */
export function sharedDatasetDir(): string | undefined {
  const dir = process.env.RISKSTREAM_SHARED_DATASETS ?? DEFAULT_DATASET_DIR;
  if (existsSync(dir)) {
    return dir;
  }
  if (process.env.CI === 'true') {
    throw new Error(
      `shared Sysmon datasets not found at ${dir}: mount them there or set RISKSTREAM_SHARED_DATASETS to their directory`,
    );
  }
  return undefined;
}

/** Lists the dataset files (`*.xml`) in the shared directory, sorted by name. */
export function sharedDatasetFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => path.join(dir, name));
}
