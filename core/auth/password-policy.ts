// The password rule, without the dictionaries that check it (password-strength.ts): what the
// sign-up form and the message catalogue need, cheap enough for every page of the workbench.
//
// A password is accepted when it has PASSWORD_MIN to PASSWORD_MAX characters, contains neither
// the e-mail's name nor the person's name, and zxcvbn (its common-password, English word and
// name dictionaries, keyboard patterns, dates and repeats, with the e-mail and the name as the
// person's own words) scores it at least PASSWORD_MIN_SCORE of 0–4: about 10^8 guesses, out of
// reach of an online attack and slow against a stolen argon2 hash. No composition rule: a few
// unrelated words pass; "Password2024!" does not.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const PASSWORD_MIN_SCORE = 3;

/** What is wrong with a password, as stable codes the catalogue has messages for (password.*). */
export const PASSWORD_PROBLEMS = [
  'too_short',
  'too_long',
  'contains_email',
  'contains_name',
  'common',
  'common_words',
  'keyboard_pattern',
  'repetitive',
  'dates',
  'guessable',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** The problems that are zxcvbn's reason for a score below PASSWORD_MIN_SCORE. */
export const STRENGTH_PROBLEMS: readonly PasswordProblem[] = ['common', 'common_words', 'keyboard_pattern', 'repetitive', 'dates', 'guessable'];

export type PasswordCheck = { ok: true } | { ok: false; problems: PasswordProblem[] };

export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}
