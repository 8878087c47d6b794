import { z } from 'zod';

// Organization names, levels and types. A unit registers once per division: the name key below
// makes "北京市 朝阳区 ＡＢＣ党支部" and "北京市朝阳区abc党支部" the same unit.

/** From the village up to the centre; a unit's level decides who is above it. */
export const ORG_LEVELS = ['village', 'township', 'county', 'city', 'province', 'central'] as const;
export const orgLevelSchema = z.enum(ORG_LEVELS);
export type OrgLevel = z.infer<typeof orgLevelSchema>;

/** The six categories of the notice (the campaign's category keys). */
export const ORG_TYPES = ['rural', 'urban', 'soe', 'organs', 'institutions', 'new-sectors'] as const;
export const orgTypeSchema = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof orgTypeSchema>;

export const ORG_NAME_MIN = 2;
export const ORG_NAME_MAX = 100;

// Middle dots people type between parts of a name (中共·某某): Latin-1, Greek, hyphenation
// point, bullet and operator dots, katakana (full- and half-width), Lisu tone letter.
const MIDDLE_DOTS = /[\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65\uA78F]/gu;
// \s does not cover the zero-width characters that copy-paste from Word and web pages leaves.
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]+/gu;

/**
 * The duplicate-detection key of a name: NFKC (full-width letters, digits and brackets become
 * half-width), no whitespace or middle dots, Latin letters in lower case.
 */
export function normalizeOrgName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(MIDDLE_DOTS, '').toLowerCase();
}

export type OrgNameProblem = 'too_short' | 'too_long' | 'control_characters';

export type OrgNameCheck = { ok: true; name: string } | { ok: false; problem: OrgNameProblem };

/** 2–100 characters (code points, so rare characters count once) after trimming. */
export function validateOrgName(input: string): OrgNameCheck {
  const name = input.trim();
  // Line breaks and other control characters would break the declaration form and exports.
  if (/\p{Cc}/u.test(name)) return { ok: false, problem: 'control_characters' };
  const length = [...name].length;
  // "· ·" is three characters but no name: the key must have two as well.
  if (length < ORG_NAME_MIN || [...normalizeOrgName(name)].length < ORG_NAME_MIN) return { ok: false, problem: 'too_short' };
  if (length > ORG_NAME_MAX) return { ok: false, problem: 'too_long' };
  return { ok: true, name };
}

const ORG_NAME_MESSAGES: Record<OrgNameProblem, string> = {
  too_short: `use at least ${ORG_NAME_MIN} characters`,
  too_long: `use at most ${ORG_NAME_MAX} characters`,
  control_characters: 'remove line breaks and control characters',
};

/** A form field: the trimmed name, or an issue whose params carry the problem code. */
export const orgNameSchema = z.string().transform((value, ctx) => {
  const check = validateOrgName(value);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', message: ORG_NAME_MESSAGES[check.problem], params: { problem: check.problem } });
    return z.NEVER;
  }
  return check.name;
});
