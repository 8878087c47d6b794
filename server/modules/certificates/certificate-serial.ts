import { randomBytes } from 'node:crypto';
import { certificateSerial, serialPartFromBytes } from '../../../core/certificates/serial.ts';

/** A new certificate number for the `index`-th final result (1-based) of edition `edition`, its random part from node:crypto. */
export function newCertificateSerial(edition: number, index: number): string {
  return certificateSerial(edition, index, () => serialPartFromBytes(randomBytes(8)));
}
