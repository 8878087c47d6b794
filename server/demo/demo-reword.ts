import type { GeneratedCase } from '../../core/demo/case-text.ts';
import { SYNONYM_GROUPS } from '../../core/demo/phrases/synonyms.ts';
import { seededRandom, type Random } from '../../core/random/seeded.ts';

// The planted near-duplicate: a unit copies another unit's case and rewords about a fifth of it,
// the way copied cases arrive: its own name put in, some sentences replaced by its own, words
// swapped for synonyms. The similarity check must find the pair (containment ≥ 0.4).

const SENTENCE = /[^。！？]+[。！？]?/gu;

function swapSynonyms(text: string, random: Random, share: number): string {
  let out = text;
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) {
      out = out.replaceAll(word, (found) => (random.chance(share) ? random.pick(group.filter((w) => w !== word)) : found));
    }
  }
  return out;
}

/** `text` with about `share` of its sentences replaced by sentences of `own`, and synonyms swapped in the rest. */
function rewordText(text: string, own: string[], random: Random, share: number): string {
  const sentences = text.match(SENTENCE) ?? [text];
  return sentences.map((s) => (own.length > 0 && random.chance(share) ? own[random.int(0, own.length - 1)]! : swapSynonyms(s, random, share))).join('');
}

const paragraphsOf = (html: string) => [...html.matchAll(/<p>([^<]*)<\/p>/gu)].map((m) => m[1]!);

/**
 * A reworded copy of `original` by the unit `unitName`: each paragraph keeps its place, about
 * `share` of the sentences come from `own` (a case the copier wrote), the original unit's name
 * becomes the copier's wherever it appears.
 */
export function rewordCase(original: GeneratedCase, originalUnit: string, own: GeneratedCase, unitName: string, seed: string, share = 0.2): GeneratedCase {
  const random = seededRandom(`reword:${seed}`);
  const ownSentences = Object.values(own.sections).flatMap(paragraphsOf).flatMap((p) => p.match(SENTENCE) ?? []);
  // The name is put in everywhere, lists and tables too (an attachment list named the original
  // unit in the copy); only paragraphs are reworded.
  const html = (value: string) =>
    value.replaceAll(originalUnit, unitName).replace(/<p>([^<]*)<\/p>/gu, (_, text: string) => `<p>${rewordText(text, ownSentences, random, share)}</p>`);
  return {
    title: original.title.replaceAll(originalUnit, unitName),
    category: original.category,
    keywords: original.keywords,
    summary: html(original.summary),
    sections: Object.fromEntries(Object.entries(original.sections).map(([key, value]) => [key, html(value)])) as GeneratedCase['sections'],
  };
}
