import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  PASSWORD_MIN_SCORE,
  PASSWORD_PROBLEMS,
  type PasswordCheck,
  type PasswordContext,
  type PasswordProblem,
} from './password-policy.ts';

// The rule itself is stated in password-policy.ts. Runs the same in the browser (as the person
// types, loaded with the form) and on the server (which decides).

// zxcvbn's own feedback is English sentences; it is given its warnings' keys as their text so
// each can be mapped to a code with a message in both languages.
type Warning = keyof typeof english.translations.warnings;
const WARNING_PROBLEM: Record<Warning, PasswordProblem | null> = {
  straightRow: 'keyboard_pattern',
  keyPattern: 'keyboard_pattern',
  simpleRepeat: 'repetitive',
  extendedRepeat: 'repetitive',
  sequences: 'repetitive',
  recentYears: 'dates',
  dates: 'dates',
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  wordByItself: 'common_words',
  namesByThemselves: 'common_words',
  commonNames: 'common_words',
  // The e-mail and the name are checked on their own below, with a precise reason.
  userInputs: null,
};

// zxcvbn's time grows fast with the length and with characters that read as letters (l33t: @,
// $, 0, 1…): 128 such characters took 15 s. Only the first SCORED_LENGTH characters are scored
// (a prefix guessed means the whole is guessed after it, so this only errs towards refusing) and
// l33t substitutions are capped: the worst case stays under 100 ms, the common one tens of ms.
const SCORED_LENGTH = 32;
const L33T_MAX_SUBSTITUTIONS = 8;

let configured = false;

// Building the ranked dictionaries takes about 150 ms: once per process or page, on the first
// check rather than at import.
function configure(): void {
  if (configured) return;
  const warnings = Object.fromEntries(Object.keys(english.translations.warnings).map((key) => [key, key]));
  zxcvbnOptions.setOptions({
    // The English lists rank Chinese favourites (woaini1314, 5201314, pinyin names) too low.
    dictionary: { ...common.dictionary, ...english.dictionary, chinese: [...COMMON_PASSWORDS] },
    graphs: common.adjacencyGraphs,
    translations: { ...english.translations, warnings: warnings as typeof english.translations.warnings },
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
  });
  configured = true;
}

const EMAIL_PART_MIN = 4;
const alnum = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');
const containsPart = (haystack: string, needle: string, min: number) => [...needle].length >= min && haystack.includes(needle);

/** The email's local part (≥ 4 characters) inside the password, with or without its dots. */
function containsEmail(lower: string, email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = (at >= 0 ? email.slice(0, at) : email).trim().toLowerCase();
  return containsPart(lower, local, EMAIL_PART_MIN) || containsPart(alnum(lower), alnum(local), EMAIL_PART_MIN);
}

/** The person's name inside the password: two characters of a Chinese name, four of others. */
function containsName(lower: string, name: string): boolean {
  const compact = alnum(name.normalize('NFKC').toLowerCase());
  const min = /\p{Script=Han}/u.test(compact) ? 2 : EMAIL_PART_MIN;
  return containsPart(alnum(lower), compact, min);
}

/** The person's own words for zxcvbn: the address, its parts and the name, whole and in parts. */
function userInputs({ email, name }: PasswordContext): string[] {
  const words = new Set<string>();
  const add = (text: string) => { if (text.length > 0) words.add(text.toLowerCase()); };
  if (email) {
    const address = email.trim();
    add(address);
    const [local = '', domain = ''] = address.split('@');
    add(local);
    local.split(/[._+-]/).forEach(add);
    add(domain.split('.')[0] ?? '');
  }
  if (name) {
    add(alnum(name.normalize('NFKC')));
    name.normalize('NFKC').split(/\s+/).forEach(add);
  }
  return [...words];
}

/**
 * Why zxcvbn scored the password below the rule's score, as one of our codes. The password is
 * scored as typed and without its symbols, and the lower score counts: a symbol between guessable
 * parts ("Admin@123456") is among the first things a cracker tries, yet zxcvbn prices it as
 * random characters.
 */
function strengthProblem(password: string, context: PasswordContext): PasswordProblem | null {
  configure();
  const inputs = userInputs(context);
  const scored = [...password].slice(0, SCORED_LENGTH).join('');
  const variants = [...new Set([scored, scored.replace(/[^\p{L}\p{N}]+/gu, '')])].filter((variant) => variant.length > 0);
  const weakest = variants.map((variant) => zxcvbn(variant, inputs)).sort((a, b) => a.score - b.score)[0];
  if (!weakest || weakest.score >= PASSWORD_MIN_SCORE) return null;
  const warned = WARNING_PROBLEM[weakest.feedback.warning as Warning];
  if (warned) return warned;
  // zxcvbn gives no warning for a match in a dictionary of ours.
  return weakest.sequence.some((match) => match.dictionaryName === 'chinese') ? 'common' : 'guessable';
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
  if (context.email && containsEmail(lower, context.email)) found.add('contains_email');
  if (context.name && containsName(lower, context.name)) found.add('contains_name');
  const weak = strengthProblem(password, context);
  if (weak) found.add(weak);

  const problems = PASSWORD_PROBLEMS.filter((p) => found.has(p));
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
