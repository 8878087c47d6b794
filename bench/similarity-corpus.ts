import { CATEGORY_KEYS, generateCase } from '../core/demo/case-text.ts';
import { demoUnitName } from '../core/demo/unit-name.ts';
import { COUNTIES } from './counties.ts';
import { seededRandom, type Random } from '../core/random/seeded.ts';
import { similarityText } from '../core/similarity/content-text.ts';

// The benchmark's documents and their labelled near-duplicates. Document i is generated from
// seed i, so any of them can be made again when its text is needed instead of being kept: the
// index holds 100,000 signatures, not 100,000 texts.

/** The plain text of generated case `seed` (title, summary, parts), one block a line. */
export function documentText(seed: number): string {
  const category = CATEGORY_KEYS[((seed % CATEGORY_KEYS.length) + CATEGORY_KEYS.length) % CATEGORY_KEYS.length]!;
  const division = COUNTIES[Math.floor(seededRandom(`division:${seed}`).next() * COUNTIES.length)]!;
  return similarityText(generateCase(seed, { category, division, unitName: demoUnitName(seed, category, division) }));
}

export type EditKind = 'edited' | 'reordered' | 'partial' | 'two-sources' | 'unrelated';

export interface LabelledQuery {
  kind: EditKind;
  text: string;
  /** The indexed documents it was made from. */
  sources: number[];
  /** For `edited` and `reordered`: the share of characters changed. */
  changed?: number;
}

// Replacement characters come from generated text, so an edit reads as other words, not noise.
const POOL = [...documentText(-1).replace(/\s/g, '')];

/**
 * Changes about `share` of the characters in runs of one to four (a word or two replaced,
 * inserted or deleted), as a copier rewording a text does.
 */
export function editCharacters(text: string, share: number, random: Random): string {
  const chars = [...text];
  const target = share * chars.length;
  for (let changed = 0; changed < target; ) {
    const length = random.int(1, 4);
    const at = random.int(0, Math.max(0, chars.length - length));
    const words = Array.from({ length }, () => random.pick(POOL));
    const op = random.int(0, 3);
    if (op <= 1) chars.splice(at, length, ...words);
    else if (op === 2) chars.splice(at, 0, ...words);
    else chars.splice(at, length);
    changed += length;
  }
  return chars.join('');
}

const lines = (text: string) => text.split('\n');

/** `count` paragraphs in a row from `text`, starting at a random one. */
function runOf(paragraphs: string[], share: number, random: Random): string[] {
  const count = Math.max(1, Math.round(paragraphs.length * share));
  const start = random.int(0, paragraphs.length - count);
  return paragraphs.slice(start, start + count);
}

/** Query `q` of the labelled set, drawn against an index of documents 0 … docs − 1. */
export function labelledQuery(q: number, docs: number): LabelledQuery {
  const random = seededRandom(`query:${q}`);
  const source = random.int(0, docs - 1);
  // Documents with negative seeds are never indexed: fresh text for the parts not copied.
  const fresh = () => documentText(-2 - q);
  switch ((['edited', 'reordered', 'partial', 'two-sources', 'unrelated'] as const)[q % 5]!) {
    case 'edited': {
      const changed = 0.05 + random.next() * 0.35;
      return { kind: 'edited', text: editCharacters(documentText(source), changed, random), sources: [source], changed };
    }
    case 'reordered': {
      const changed = 0.05 + random.next() * 0.15;
      const shuffled = random.sample(lines(documentText(source)), Infinity).join('\n');
      return { kind: 'reordered', text: editCharacters(shuffled, changed, random), sources: [source], changed };
    }
    case 'partial': {
      // A case of ordinary length of which a run of paragraphs is copied and the rest its own.
      const copied = runOf(lines(documentText(source)), 0.2 + random.next() * 0.6, random);
      const own: string[] = [];
      let room = fresh().length - copied.join('\n').length;
      for (const line of lines(fresh())) {
        if (room <= 0) break;
        own.push(line);
        room -= line.length + 1;
      }
      const at = random.int(0, own.length);
      return { kind: 'partial', text: [...own.slice(0, at), ...copied, ...own.slice(at)].join('\n'), sources: [source] };
    }
    case 'two-sources': {
      const other = (source + 1 + random.int(0, docs - 2)) % docs;
      const share = 0.3 + random.next() * 0.4;
      const first = runOf(lines(documentText(source)), share, random);
      const second = runOf(lines(documentText(other)), 1 - share, random);
      return { kind: 'two-sources', text: [...first, ...second].join('\n'), sources: [source, other] };
    }
    default:
      return { kind: 'unrelated', text: fresh(), sources: [] };
  }
}
