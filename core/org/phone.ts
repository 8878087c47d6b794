import { z } from 'zod';

// Mainland China phone numbers as people type them: "+86 138-1234-5678", "(021) 2828 8809",
// "0755-12345678 转 123", full-width digits from a Chinese input method. One normalized form
// per number, so contacts compare equal and print the way Chinese readers expect.

export type PhoneKind = 'mobile' | 'landline';

export interface ParsedPhone {
  kind: PhoneKind;
  /** '13812345678', '021-28288809' or '0755-12345678-123'. */
  normalized: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Beijing (010) and the 02x cities have three-digit area codes; every other code has four and
// starts with 03–09, so the area code can be told apart even when no separator is written.
const AREA_CODE = /^(?:010|02\d|0[3-9]\d{2})$/;
const LOCAL_NUMBER = /^[1-9]\d{6,7}$/;
const EXTENSION = /^\d{1,6}$/;
const EXTENSION_MARK = /\s*(?:转|分机|ext\.?|x|#)\s*/i;
const SEPARATORS = /[\s\-–—.]+/;

/** Reads a mainland mobile or landline number; null when it is not one. */
export function parsePhone(input: string): ParsedPhone | null {
  let text = input.normalize('NFKC').trim();
  // "(021) 28288809" and "（021）28288809": the brackets only set the area code apart.
  text = text.replace(/^\((0\d{2,3})\)\s*/, '$1-');

  const [main = '', explicitExtension, ...more] = text.split(EXTENSION_MARK);
  if (more.length > 0) return null;

  let international = false;
  let body = main;
  const prefix = /^(?:\+|00)\s*86[\s-]*/.exec(body);
  if (prefix) {
    international = true;
    body = body.slice(prefix[0].length);
  }
  const groups = body.split(SEPARATORS).filter((g) => g !== '');
  if (groups.length === 0 || !groups.every((g) => /^\d+$/.test(g))) return null;
  let digits = groups.join('');

  if (explicitExtension === undefined) {
    if (MOBILE.test(digits)) return { kind: 'mobile', normalized: digits };
    // "8613812345678": a country code written without the plus is unambiguous for mobiles.
    if (!international && /^861[3-9]\d{9}$/.test(digits)) return { kind: 'mobile', normalized: digits.slice(2) };
  }

  // Abroad the trunk 0 is dropped ("+86 21 2828 8809"); put it back.
  if (international && !digits.startsWith('0')) {
    digits = `0${digits}`;
    groups[0] = `0${groups[0]}`;
  }
  if (!digits.startsWith('0')) return null;

  // A separator the writer put after the area code is believed; otherwise the prefix decides.
  const writtenArea = groups.length > 1 ? groups[0]! : undefined;
  const area = writtenArea ?? (/^0[12]/.test(digits) ? digits.slice(0, 3) : digits.slice(0, 4));
  if (!AREA_CODE.test(area)) return null;

  let local = digits.slice(area.length);
  let extension = explicitExtension;
  // "0755-12345678-123": a trailing group that overflows the local number is an extension.
  if (extension === undefined && local.length > 8 && groups.length > (writtenArea ? 2 : 1)) {
    const last = groups[groups.length - 1]!;
    const rest = local.slice(0, local.length - last.length);
    if (rest.length >= 7 && rest.length <= 8) {
      local = rest;
      extension = last;
    }
  }
  if (!LOCAL_NUMBER.test(local)) return null;
  if (extension !== undefined && !EXTENSION.test(extension)) return null;
  return { kind: 'landline', normalized: extension === undefined ? `${area}-${local}` : `${area}-${local}-${extension}` };
}

/** The normalized number, or null when the input is not a mainland mobile or landline. */
export function normalizePhone(input: string): string | null {
  return parsePhone(input)?.normalized ?? null;
}

/** A form field: accepts what people type, yields the normalized number. */
export const phoneSchema = z.string().transform((value, ctx) => {
  const normalized = normalizePhone(value);
  if (normalized === null) {
    ctx.addIssue({ code: 'custom', message: 'use a landline such as 021-28288809 or an 11-digit mobile' });
    return z.NEVER;
  }
  return normalized;
});
