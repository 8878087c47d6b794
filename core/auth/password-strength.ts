import { COMMON_PASSWORDS } from './common-passwords.ts';

// What is wrong with a password, as stable codes the lead maps to messages in both languages.
// Runs the same in the browser (as the user types) and on the server (which decides).

export const PASSWORD_PROBLEMS = [
  'too_short',
  'too_long',
  'too_simple',
  'common',
  'contains_email',
  'contains_name',
  'repetitive',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export type PasswordCheck = { ok: true } | { ok: false; problems: PasswordProblem[] };

export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
const EMAIL_PART_MIN = 4;

const COMMON = new Set(COMMON_PASSWORDS);

// Sequences a person slides along: the digit row (0 after 9, as on a keyboard), the alphabet
// and the three letter rows. Read forwards or backwards.
const SEQUENCES = ['01234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const SEQUENCE_MIN = 4;

type CharacterClass = 'lower' | 'upper' | 'digit' | 'cjk' | 'symbol';

function classOf(char: string): CharacterClass {
  if (/\p{Script=Han}/u.test(char)) return 'cjk';
  if (/\p{Ll}/u.test(char)) return 'lower';
  if (/\p{Lu}/u.test(char)) return 'upper';
  if (/\p{Nd}/u.test(char)) return 'digit';
  return 'symbol';
}

function isSequence(lower: string): boolean {
  if (lower.length < SEQUENCE_MIN) return false;
  const reversed = [...lower].reverse().join('');
  return SEQUENCES.some((row) => row.includes(lower) || row.includes(reversed));
}

function isRepetitive(chars: string[]): boolean {
  const counts = new Map<string, number>();
  let most = 0;
  for (const c of chars) {
    const n = (counts.get(c) ?? 0) + 1;
    counts.set(c, n);
    most = Math.max(most, n);
  }
  if (most > chars.length / 2) return true;
  // "abababab", "abcabcabc": a block of up to three characters, repeated to the end.
  for (let size = 2; size <= 3 && size * 2 <= chars.length; size += 1) {
    if (chars.every((c, i) => c === chars[i % size])) return true;
  }
  return isSequence(chars.join('').toLowerCase());
}

function contains(haystack: string, needle: string, min: number): boolean {
  return [...needle].length >= min && haystack.includes(needle);
}

const alnum = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

/** The email's local part (≥ 4 characters) inside the password, with or without its dots. */
function containsEmail(lower: string, email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = (at >= 0 ? email.slice(0, at) : email).trim().toLowerCase();
  return contains(lower, local, EMAIL_PART_MIN) || contains(alnum(lower), alnum(local), EMAIL_PART_MIN);
}

/** The person's name inside the password: two characters of a Chinese name, four of others. */
function containsName(lower: string, name: string): boolean {
  const compact = alnum(name.normalize('NFKC').toLowerCase());
  const min = /\p{Script=Han}/u.test(compact) ? 2 : EMAIL_PART_MIN;
  return contains(alnum(lower), compact, min);
}

/**
 * Every problem of the password, in the order of PASSWORD_PROBLEMS; `{ ok: true }` when there
 * is none. Lengths count characters (code points), so a Chinese character counts once.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const chars = [...password];
  const lower = password.toLowerCase();
  const found = new Set<PasswordProblem>();

  if (chars.length < PASSWORD_MIN) found.add('too_short');
  if (chars.length > PASSWORD_MAX) found.add('too_long');
  if (new Set(chars.map(classOf)).size < 2) found.add('too_simple');
  if (COMMON.has(lower)) found.add('common');
  if (context.email && containsEmail(lower, context.email)) found.add('contains_email');
  if (context.name && containsName(lower, context.name)) found.add('contains_name');
  if (chars.length > 0 && isRepetitive(chars)) found.add('repetitive');

  const problems = PASSWORD_PROBLEMS.filter((p) => found.has(p));
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
