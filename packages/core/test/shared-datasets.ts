export { sharedDatasetDir } from '@riskstream/testing';
