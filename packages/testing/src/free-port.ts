export { freePort } from '@riskstream/runtime';
