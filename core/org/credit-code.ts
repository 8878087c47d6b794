import { z } from 'zod';

// The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015:
//   1      registration authority (登记管理部门代码): 1 机构编制, 5 民政, 9 工商, Y 其他, …
//   2      category within that authority (机构类别代码)
//   3–8    administrative division of the registering office (登记管理机关行政区划码)
//   9–17   the organization code of GB 11714 (主体标识码), with its own mod-11 check character
//   18     check character over the first 17, mod 31 with weights 3^(i-1) mod 31
// The alphabet is the digits and the capitals without I, O, S, V and Z (31 characters).

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

// GB 11714 organization codes use all 36 digits and letters; their check character is 0–9 or X.
const ORG_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

// 1 机构编制 2 外交 3 司法行政 4 文化 5 民政 6 旅游 7 宗教 8 工会 9 工商 A 中央军委改革和编制办公室
// N 农业 Y 其他.
const AUTHORITIES = '123456789ANY';

const SHAPE = new RegExp(`^[${AUTHORITIES}][1-9]\\d{6}[${ALPHABET}]{10}$`);

/** The check character (18th) for the first 17 characters of a code, already upper-case. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckCharacter needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`"${first17[i]}" is not in the credit-code alphabet`);
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character (9th) of an organization code's first eight characters. */
export function organizationCodeCheckCharacter(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += ORG_CODE_ALPHABET.indexOf(first8[i]!) * ORG_CODE_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * The code in its one written form (upper case, no spaces or hyphens, half-width), or null
 * when its characters, structure or either check character are wrong.
 */
export function normalizeCreditCode(input: string): string | null {
  const code = input.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
  if (!SHAPE.test(code)) return null;
  if (organizationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) return null;
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return null;
  return code;
}

export function isValidCreditCode(input: string): boolean {
  return normalizeCreditCode(input) !== null;
}

/** A form field: accepts what people type, yields the normalized code. */
export const creditCodeSchema = z.string().transform((value, ctx) => {
  const normalized = normalizeCreditCode(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: 'use the 18-character unified social credit code, e.g. 91110000600037341L' });
    return z.NEVER;
  }
  return normalized;
});
