// CRC-64-AVRO, the "Rabin" fingerprint of the Avro specification (section "Schema
// Fingerprints"): a reflected 64-bit CRC whose initial value is also its polynomial constant.
const EMPTY = 0xc15d213aa4d7a795n;
const TABLE = buildTable();

function buildTable(): bigint[] {
  const table: bigint[] = [];
  for (let byte = 0n; byte < 256n; byte++) {
    let fingerprint = byte;
    for (let bit = 0; bit < 8; bit++) {
      fingerprint = (fingerprint >> 1n) ^ ((fingerprint & 1n) === 1n ? EMPTY : 0n);
    }
    table.push(fingerprint);
  }
  return table;
}

/** Computes the 64-bit Rabin fingerprint of bytes, as an unsigned bigint. */
export function rabinFingerprint64(bytes: Uint8Array): bigint {
  let fingerprint = EMPTY;
  for (const byte of bytes) {
    const index = Number((fingerprint ^ BigInt(byte)) & 0xffn);
    fingerprint = (fingerprint >> 8n) ^ (TABLE[index] as bigint);
  }
  return fingerprint;
}

/** Formats a fingerprint as 16 lowercase hex digits, most significant first. */
export function formatFingerprint(fingerprint: bigint): string {
  return fingerprint.toString(16).padStart(16, '0');
}
