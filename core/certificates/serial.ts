// Certificate numbers (荣誉证书编号): "ZJ7-0001-7K3M9QX2". The edition, the certificate's place in
// the campaign's final list, and 8 random Crockford base-32 characters (40 bits). The random part
// is what makes a number impossible to guess: the public verification page confirms a number by
// looking it up, and allows 30 look-ups a minute per address (as receipts do, decision 0015), so
// a made-up or edited number is refused rather than found (decision 0034).

/** Crockford's base 32: no I, L, O or U, so a number read aloud or off paper is not misread. */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SERIAL_RANDOM_LENGTH = 8;

const SERIAL = /^ZJ[1-9]\d*-\d{4,}-[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * The number of the `index`-th certificate (1-based) of edition `edition`; `random()` gives the
 * 8 random Crockford characters (`randomSerialPart` over node:crypto on the server). Pure.
 */
export function certificateSerial(edition: number, index: number, random: () => string): string {
  if (!Number.isInteger(edition) || edition < 1) throw new RangeError(`edition must be a positive whole number, got ${edition}`);
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`index must be a positive whole number, got ${index}`);
  const part = random();
  if (part.length !== SERIAL_RANDOM_LENGTH || [...part].some((c) => !CROCKFORD.includes(c))) {
    throw new RangeError(`random() must give ${SERIAL_RANDOM_LENGTH} Crockford base-32 characters, got "${part}"`);
  }
  return `ZJ${edition}-${String(index).padStart(4, '0')}-${part}`;
}

/** `bytes` (at least 8) as the random part of a serial: one character per byte, 5 bits each. */
export function serialPartFromBytes(bytes: Uint8Array): string {
  if (bytes.length < SERIAL_RANDOM_LENGTH) throw new RangeError(`need ${SERIAL_RANDOM_LENGTH} bytes, got ${bytes.length}`);
  return [...bytes.subarray(0, SERIAL_RANDOM_LENGTH)].map((b) => CROCKFORD[b % 32]).join('');
}

/**
 * A number as people type it, in the form it was issued in: spaces and dashes where they are
 * dropped or doubled are forgiven, letters upper-cased, and Crockford's look-alikes read as
 * digits (O as 0, I and L as 1). Undefined when it cannot be a certificate number at all.
 */
export function normalizeSerial(input: string): string | undefined {
  const compact = input.trim().toUpperCase().replace(/\s+/g, '');
  const m = /^ZJ(\d+)-?(\d{4,})-?([0-9A-Z]{8})$/.exec(compact);
  if (!m) return undefined;
  const random = m[3]!.replace(/O/g, '0').replace(/[IL]/g, '1');
  const serial = `ZJ${m[1]}-${m[2]}-${random}`;
  return SERIAL.test(serial) ? serial : undefined;
}
