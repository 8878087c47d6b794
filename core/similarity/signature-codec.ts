import { SIGNATURE_LENGTH } from './minhash.ts';

// A signature as a database stores it: 128 × 32-bit values, little-endian whatever the machine,
// as 512 bytes (a BLOB on SQLite, bytea on PostgreSQL) or as 684 characters of base64 (text
// anywhere, JSON). btoa and atob exist in browsers and in Node, so core/ needs no Buffer.

export function signatureToBytes(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  signature.forEach((value, i) => view.setUint32(i * 4, value, true));
  return bytes;
}

/** Throws on bytes that are not one signature: a stored value of another length is corrupt. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.length !== SIGNATURE_LENGTH * 4) throw new Error(`a signature has ${SIGNATURE_LENGTH * 4} bytes, not ${bytes.length}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => view.getUint32(i * 4, true));
}

export function signatureToBase64(signature: Uint32Array): string {
  let binary = '';
  for (const byte of signatureToBytes(signature)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function signatureFromBase64(text: string): Uint32Array {
  const binary = atob(text);
  return signatureFromBytes(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}
