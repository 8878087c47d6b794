import { CATEGORY_KEYS, generateCase, SECTION_KEYS } from '../core/demo/case-text.ts';
import { demoUnitName } from '../core/demo/unit-name.ts';
import { COUNTIES } from './counties.ts';
import { seededRandom, type Random } from '../core/random/seeded.ts';
import { normalizeText } from '../core/search/normalize.ts';
import type { SearchDocument } from '../server/modules/search/search-index.ts';

// The search benchmark's documents and queries. Document i is generated case i (real-looking
// Chinese case text from the demo's phrase banks), placed in a county drawn from its seed.

const plain = (html: string) => html.replace(/<[^>]+>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\n+/g, '\n').trim();

/** Generated case `seed` as the library indexes it; `targetZi` shortens the body when given. */
export function searchCorpusDocument(seed: number, targetZi?: number): SearchDocument {
  const category = CATEGORY_KEYS[seed % CATEGORY_KEYS.length]!;
  const random = seededRandom(`search:${seed}`);
  const division = COUNTIES[Math.floor(random.next() * COUNTIES.length)]!;
  const unitName = demoUnitName(seed, category, division);
  const generated = generateCase(seed, { category, division, unitName, targetZi });
  return {
    id: `case-${String(seed).padStart(6, '0')}`,
    campaignId: `campaign-${seed % 7}`,
    campaignSlug: `edition-${seed % 7}`,
    category,
    tier: seed % 10 === 0 ? 'best' : seed % 5 === 0 ? 'excellent' : null,
    province: division.code.slice(0, 2),
    title: plain(generated.title),
    unitName,
    summary: plain(generated.summary),
    body: SECTION_KEYS.map((key) => plain(generated.sections[key])).join('\n\n'),
    publishedAt: new Date(Date.UTC(2020, 0, 1) + seed * 60_000).toISOString(),
  };
}

const CJK = /[\p{Script=Han}]+/gu;

/**
 * A query taken from a document's own text so it finds something: a run of `length` Chinese
 * characters; sometimes two such terms from one document.
 */
export function queryFrom(doc: SearchDocument, length: number, random: Random, twoTerms: boolean): string {
  const runs = [...normalizeText(`${doc.title} ${doc.summary} ${doc.body}`).matchAll(CJK)].map((m) => [...m[0]]).filter((r) => r.length >= length);
  const term = () => {
    const run = random.pick(runs);
    const at = random.int(0, run.length - length);
    return run.slice(at, at + length).join('');
  };
  return twoTerms ? `${term()} ${term()}` : term();
}
