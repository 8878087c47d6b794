// A seeded random source and a small template language for generated case text. The same seed
// gives the same text on every machine (no Math.random), so a demo, a test and a benchmark can
// regenerate a document instead of keeping it.
//
// Templates: `{甲|乙|丙}` picks one alternative (they nest); `<名>` is replaced by the slot 名 of
// the context: a bank of templates to pick from, or a function giving text such as a number.
// Words of phrases/synonyms.ts in fixed text vary by themselves.

import { SYNONYM_GROUPS } from './phrases/synonyms.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
}

/** sfc32 seeded through splitmix32: fast, 128 bits of state, good enough for text. */
export function seededRandom(seed: number | string): Random {
  let s = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    sample(items, count) {
      const copy = items.slice();
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i += 1) {
        const j = i + Math.floor(next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
  };
  return random;
}

function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export type Slot = readonly string[] | ((random: Random) => string);
export type Slots = Readonly<Record<string, Slot>>;

// Fixed text is cut where a word of a synonym group occurs, and the word becomes the group's
// choice, which a writer makes once: the words they prefer (a `Style`) stay theirs throughout.
const SYNONYM_CHOICES = SYNONYM_GROUPS.map((group) => ({ synonyms: group.map((w): Node[] => [w]) }));
const SYNONYM_OF = new Map(SYNONYM_GROUPS.flatMap((group, i) => group.map((word) => [word, SYNONYM_CHOICES[i]!] as const)));
const SYNONYM_WORD = new RegExp(`(${[...SYNONYM_OF.keys()].sort((a, b) => b.length - a.length).join('|')})`);

function literalNodes(text: string): Node[] {
  return text
    .split(SYNONYM_WORD)
    .filter((part) => part !== '')
    .map((part) => {
      return SYNONYM_OF.get(part) ?? part;
    });
}

// A template parsed once: literal text, a slot, or a choice between parsed alternatives.
type Node = string | { slot: string } | { choice: Node[][] } | { synonyms: Node[][] };

/** The synonyms one writer prefers, chosen on first use. */
export type Style = Map<Node[][], Node[]>;
const compiled = new Map<string, Node[]>();

function parse(template: string, from: number, inChoice: boolean): { nodes: Node[][]; end: number } {
  const options: Node[][] = [[]];
  let literal = '';
  const flush = () => {
    if (literal) options[options.length - 1]!.push(...literalNodes(literal));
    literal = '';
  };
  let i = from;
  for (; i < template.length; i += 1) {
    const ch = template[i]!;
    if (ch === '{') {
      flush();
      const inner = parse(template, i + 1, true);
      options[options.length - 1]!.push({ choice: inner.nodes });
      i = inner.end;
    } else if (ch === '}' && inChoice) {
      break;
    } else if (ch === '|' && inChoice) {
      flush();
      options.push([]);
    } else if (ch === '<') {
      const close = template.indexOf('>', i);
      if (close < 0) throw new Error(`unclosed slot in template: ${template}`);
      flush();
      options[options.length - 1]!.push({ slot: template.slice(i + 1, close) });
      i = close;
    } else {
      literal += ch;
    }
  }
  if (inChoice && template[i] !== '}') throw new Error(`unclosed choice in template: ${template}`);
  flush();
  return { nodes: options, end: i };
}

function compile(template: string): Node[] {
  let nodes = compiled.get(template);
  if (!nodes) {
    nodes = parse(template, 0, false).nodes[0]!;
    compiled.set(template, nodes);
  }
  return nodes;
}

function expandNodes(nodes: Node[], slots: Slots, random: Random, style: Style, template: string): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += node;
    else if ('choice' in node) out += expandNodes(random.pick(node.choice), slots, random, style, template);
    else if ('synonyms' in node) {
      let word = style.get(node.synonyms);
      if (!word) style.set(node.synonyms, (word = random.pick(node.synonyms)));
      out += expandNodes(word, slots, random, style, template);
    } else {
      const slot = slots[node.slot];
      if (slot === undefined) throw new Error(`template slot <${node.slot}> has no bank: ${template}`);
      out += typeof slot === 'function' ? slot(random) : expand(random.pick(slot), slots, random, style);
    }
  }
  return out;
}

/**
 * Expands one template; an unknown slot is a bug in the phrase banks and throws. A function slot's
 * value is text as it is (a unit's name with a brace in it stays a name).
 */
export function expand(template: string, slots: Slots, random: Random, style: Style = new Map()): string {
  return expandNodes(compile(template), slots, random, style, template);
}
