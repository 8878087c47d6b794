import { normalizeText } from './normalize.ts';

// A short passage of a result's text around its first match, as safe HTML: every character of
// the text is escaped and only the matched terms are wrapped in <mark>.

export const SNIPPET_CHARS = 120;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

interface Mapped {
  /** The text in normal form, one entry per normalized character. */
  normal: string[];
  /** For each entry of `normal`, the index of the original character it came from. */
  source: number[];
}

// Normalizes character by character so a match in the normal form points back into the original;
// it can differ from normalizing the whole text only where characters compose, which NFC text
// (every stored text, decision 0014) has already done.
// Texts repeat their characters: each distinct one is normalized once.
const normalChars = new Map<string, string[]>();
function normalChar(char: string): string[] {
  let normal = normalChars.get(char);
  if (!normal) {
    normal = [...normalizeText(char)];
    if (normalChars.size < 50_000) normalChars.set(char, normal);
  }
  return normal;
}

function mapNormal(chars: string[]): Mapped {
  const normal: string[] = [];
  const source: number[] = [];
  chars.forEach((char, i) => {
    for (const n of normalChar(char)) {
      if (n === ' ' && normal.at(-1) === ' ') continue;
      normal.push(n);
      source.push(i);
    }
  });
  return { normal, source };
}

/** Ranges [start, end) of original characters matching any term, left to right, longest first. */
function findMatches(mapped: Mapped, terms: string[]): [number, number][] {
  const sorted = terms.map((t) => [...t]).filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  const ranges: [number, number][] = [];
  const { normal, source } = mapped;
  for (let i = 0; i < normal.length; ) {
    const term = sorted.find((t) => t.every((c, k) => normal[i + k] === c));
    if (!term) { i++; continue; }
    const end = i + term.length;
    const start = source[i]!;
    const last = source[end - 1]! + 1;
    const previous = ranges.at(-1);
    if (previous && previous[1] >= start) previous[1] = Math.max(previous[1], last);
    else ranges.push([start, last]);
    i = end;
  }
  return ranges;
}

// The text is read in chunks until the first match, so a long body costs only its part before it.
const CHUNK = 400;

/** The index of the first original character of the first match of any term, or -1. */
function firstMatch(chars: string[], terms: string[]): number {
  const overlap = Math.max(0, ...terms.map((t) => [...t].length)) - 1;
  for (let from = 0; from < chars.length; from += CHUNK) {
    const mapped = mapNormal(chars.slice(from, from + CHUNK + overlap));
    const normal = mapped.normal.join('');
    let best = -1;
    for (const term of terms) {
      const at = term === '' ? -1 : normal.indexOf(term);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    // indexOf counts UTF-16 units; the mapping counts characters.
    if (best >= 0) return from + mapped.source[[...normal.slice(0, best)].length]!;
  }
  return -1;
}

/** firstMatch for a text that is its own normal form, without surrogates (a UTF-16 unit is a character). */
function firstPlainMatch(text: string, terms: string[]): number {
  let best = -1;
  for (const term of terms) {
    const at = term === '' ? -1 : text.indexOf(term);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * About `length` characters of `text` around the first match of the normalized `terms`, with
 * "…" where it was cut; the start of the text when no term is in it.
 */
export function buildSnippet(text: string, terms: string[], length = SNIPPET_CHARS): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  // Most text (Chinese is) is its own normal form with no character outside the BMP: then it is
  // searched natively and only the passage is split into characters.
  const plain = !SURROGATE.test(collapsed) && normalizeText(collapsed) === collapsed;
  const chars = plain ? undefined : [...collapsed];
  const total = chars ? chars.length : collapsed.length;
  const first = Math.max(0, chars ? firstMatch(chars, terms) : firstPlainMatch(collapsed, terms));
  const from = total <= length ? 0 : Math.max(0, Math.min(first - Math.floor(length / 4), total - length));
  const to = Math.min(total, from + length);
  const longest = Math.max(0, ...terms.map((t) => [...t].length));
  // The passage and a term's length past its end, where its matches are found.
  const passage = chars ? chars.slice(from, to + longest) : [...collapsed.slice(from, to + longest)];
  const matches = findMatches(mapNormal(passage), terms);
  const part = (start: number, end: number) => escapeHtml(passage.slice(start - from, end - from).join(''));
  let html = from > 0 ? '…' : '';
  let at = from;
  for (const [relativeStart, relativeEnd] of matches) {
    const start = relativeStart + from;
    const end = relativeEnd + from;
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    html += part(at, s) + '<mark>' + part(s, e) + '</mark>';
    at = e;
  }
  html += part(at, to);
  return to < total ? html + '…' : html;
}
