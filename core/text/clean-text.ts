import { z } from 'zod';

// The one rule for text that enters the platform through a request. Every string a person
// types (titles, names, sections, messages, search words) passes `text()`, so nothing stored
// can break what is built from it later: a lone surrogate cannot be encoded as UTF-8 (the
// database, a header and a PDF each replace or refuse it differently), a noncharacter or a
// control character makes Word's XML invalid. Such characters are refused, not dropped: the
// person sees which field and where, and what they typed is never silently changed.
//
// Kept: tab and line feed. A carriage return is kept as a line break: CRLF and a lone CR become
// LF, since browsers submit a textarea's lines as CRLF and text pasted from old Mac files has
// bare CRs. Everything is stored in NFC, so the same words typed on two systems compare equal.
// Passwords and tokens do not pass here: they are compared, never shown, and normalizing one
// would lock out an account whose password was set before.

export type TextProblem = 'lone_surrogate' | 'noncharacter' | 'control_character';

export interface TextFault {
  problem: TextProblem;
  /** The refused character as people look it up: `U+0007`. */
  character: string;
  /** Where it is, counted in characters from 1 as an editor counts them. */
  position: number;
}

/** The key under which a refused field's fault travels in a zod issue's params. */
export const TEXT_FAULT_PARAM = 'textFault';

// With the u flag a lone surrogate is matched as itself, a paired one never is.
const REFUSED = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;

function problemOf(codePoint: number): TextProblem {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone_surrogate';
  if ((codePoint >= 0xfdd0 && codePoint <= 0xfdef) || (codePoint & 0xfffe) === 0xfffe) return 'noncharacter';
  return 'control_character';
}

/** The first character the platform refuses to store, or null when the text is clean. */
export function findTextFault(text: string): TextFault | null {
  const match = REFUSED.exec(text);
  if (!match) return null;
  const codePoint = match[0].codePointAt(0)!;
  return {
    problem: problemOf(codePoint),
    character: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
    position: [...text.slice(0, match.index)].length + 1,
  };
}

/** Line breaks as LF and characters in NFC: the form every stored text has. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * A string field of a request: refused when it holds a lone surrogate, a noncharacter or a
 * control character other than tab and line breaks, then stored as `normalizeText` gives it.
 * Chain length and trim checks after it, so they measure the normalized text.
 */
export function text() {
  return z
    .string()
    .superRefine((value, ctx) => {
      const fault = findTextFault(value);
      if (fault) {
        ctx.addIssue({
          code: 'custom',
          message: `contains ${fault.character} (${fault.problem.replace('_', ' ')}) at position ${fault.position}`,
          params: { [TEXT_FAULT_PARAM]: fault },
          continue: false,
        });
      }
    })
    .overwrite(normalizeText);
}
