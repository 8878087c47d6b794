import { findTextFault } from '../text/clean-text.ts';

// File names as people give them: kept as they are (Chinese included) when safe to show and to
// put in a download header, refused when they try to be a path or hide characters.

export const FILE_NAME_MAX_BYTES = 255;

export type FileNameProblem = 'empty' | 'too_long' | 'path' | 'control';

export type FileNameCheck = { ok: true; name: string } | { ok: false; problem: FileNameProblem };

// Controls, and every invisible mark that reorders or hides text ("photo\u202Egpj.exe" shows as
// "photoexe.jpg"): the format characters (bidi marks and overrides, U+061C included, zero-width
// ones, soft hyphen, tag characters), line and paragraph separators, and the Hangul fillers that
// render as nothing.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/u;
const WINDOWS_RESERVED = /[<>:"|?*]/g;
const DEVICE_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/**
 * Validates and tidies a file name: refuses path separators and dot segments, control and
 * direction-changing characters, empty and over-long names; replaces the characters Windows
 * cannot save (<>:"|?*) with "_" and trims spaces and trailing dots.
 */
export function checkFileName(raw: string): FileNameCheck {
  const name = raw.normalize('NFC');
  // The text rule of every other field too (lone surrogates, noncharacters), as a name is text.
  if (HIDDEN.test(name) || findTextFault(name)) return { ok: false, problem: 'control' };
  if (/[/\\]/.test(name) || name.trim() === '.' || name.trim() === '..') return { ok: false, problem: 'path' };
  let tidy = name.trim().replace(WINDOWS_RESERVED, '_').replace(/[. ]+$/, '');
  if (tidy === '') return { ok: false, problem: 'empty' };
  if (DEVICE_NAME.test(tidy)) tidy = `_${tidy}`;
  if (new TextEncoder().encode(tidy).length > FILE_NAME_MAX_BYTES) return { ok: false, problem: 'too_long' };
  return { ok: true, name: tidy };
}

/** The extension of a clean name, lower case without the dot ("jpg"), or "". */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
