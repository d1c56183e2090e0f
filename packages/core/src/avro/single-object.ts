import { AvroCodecError } from './avro-codec-error';

/** Avro single-object encoding: marker C3 01, the writer fingerprint (8 bytes, little-endian), the body. */
export const SINGLE_OBJECT_MARKER = Uint8Array.of(0xc3, 0x01);
export const SINGLE_OBJECT_HEADER_LENGTH = 10;

/** Writes the 10-byte header for a writer fingerprint at the start of `target`. */
export function writeSingleObjectHeader(target: Buffer, fingerprint: bigint): void {
  target[0] = 0xc3;
  target[1] = 0x01;
  target.writeBigUInt64LE(fingerprint, 2);
}

/** Reads the writer fingerprint from a single-object message. Raises `not-single-object`. */
export function readSingleObjectFingerprint(message: Buffer): bigint {
  if (message.length < SINGLE_OBJECT_HEADER_LENGTH || message[0] !== 0xc3 || message[1] !== 0x01) {
    const start = message.subarray(0, 2).toString('hex');
    throw new AvroCodecError(
      'not-single-object',
      `Message of ${message.length} bytes starting ${start || '(empty)'} is not Avro single-object encoded; ` +
        'expected marker c301 and an 8-byte fingerprint.',
    );
  }
  return message.readBigUInt64LE(2);
}
