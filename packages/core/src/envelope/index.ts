export type { EnvelopeErrorCode } from './envelope-error';
export { EnvelopeError } from './envelope-error';
export { extractXml } from './extract-xml';
