// Text and queries are compared in one normal form: NFKC (full-width letters, digits and
// spaces become their half-width forms), lower case, lone surrogates replaced, and every run of
// white space one space. A query term matches a document when it is a substring of the
// document's text in this form: what `LIKE '%term%'` finds over the normalized text.

/** A query longer than this (after normalizing) is refused: longer ones serve no reader. */
export const MAX_QUERY_CHARS = 100;
/** Terms past this many are refused with the query: each one costs a pass over the matches. */
export const MAX_QUERY_TERMS = 8;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPACE = /[\s\u200B\uFEFF]+/gu;

/** The normal form of one character or of a whole text; white space is kept (one space). */
export function normalizeText(text: string): string {
  // Lower-casing can leave a string that NFKC changes again (a few Greek and Turkish letters).
  return text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFKC').toLowerCase().normalize('NFKC').replace(SPACE, ' ');
}

export type ParsedQuery =
  | { ok: true; terms: string[] }
  | { ok: false; problem: 'too_long'; max: number }
  | { ok: false; problem: 'too_many_terms'; max: number };

/**
 * The distinct terms of a query, in order: its normalized text split at white space. Every
 * other character (`%`, `_`, `<`, quotes) is a plain character of a term.
 */
export function parseQuery(query: string): ParsedQuery {
  // Measured before normalizing too, so a huge query is refused without normalizing it.
  if (query.length > MAX_QUERY_CHARS * 4) return { ok: false, problem: 'too_long', max: MAX_QUERY_CHARS };
  const normal = normalizeText(query).trim();
  if ([...normal].length > MAX_QUERY_CHARS) return { ok: false, problem: 'too_long', max: MAX_QUERY_CHARS };
  const terms = [...new Set(normal.split(' ').filter((t) => t !== ''))];
  if (terms.length > MAX_QUERY_TERMS) return { ok: false, problem: 'too_many_terms', max: MAX_QUERY_TERMS };
  return { ok: true, terms };
}
