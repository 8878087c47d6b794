import { describe, expect, it } from 'vitest';
import { certificateSerial, normalizeSerial, serialPartFromBytes } from './serial.ts';

describe('certificate serials', () => {
  it('joins the edition, the place in the list and the random part', () => {
    expect(certificateSerial(7, 1, () => '7K3M9QX2')).toBe('ZJ7-0001-7K3M9QX2');
    expect(certificateSerial(12, 10234, () => '00000000')).toBe('ZJ12-10234-00000000');
  });

  it('refuses a random part that is not 8 Crockford characters, and a bad edition or index', () => {
    expect(() => certificateSerial(7, 1, () => 'K3QF')).toThrow('random() must give 8 Crockford base-32 characters, got "K3QF"');
    expect(() => certificateSerial(7, 1, () => '7K3M9QXU')).toThrow(RangeError);
    expect(() => certificateSerial(0, 1, () => '7K3M9QX2')).toThrow('edition must be a positive whole number, got 0');
    expect(() => certificateSerial(7, 0, () => '7K3M9QX2')).toThrow('index must be a positive whole number, got 0');
  });

  it('maps bytes onto the alphabet, 5 bits each', () => {
    expect(serialPartFromBytes(Uint8Array.from([0, 1, 31, 32, 33, 255, 18, 27]))).toBe('01Z01ZJV');
  });

  it('reads a typed number back into its issued form, and nothing else', () => {
    expect(normalizeSerial(' zj7-0001-7k3m9qx2 ')).toBe('ZJ7-0001-7K3M9QX2');
    expect(normalizeSerial('ZJ7 0001 7K3M9QX2')).toBe('ZJ7-0001-7K3M9QX2');
    expect(normalizeSerial('ZJ7-0001-OI3L9QX2')).toBe('ZJ7-0001-01319QX2');
    expect(normalizeSerial('ZJ7-0001-7K3M9QXU')).toBeUndefined();
    expect(normalizeSerial('ZJ7-0001-7K3M9QX')).toBeUndefined();
    expect(normalizeSerial('../etc/passwd')).toBeUndefined();
  });
});
