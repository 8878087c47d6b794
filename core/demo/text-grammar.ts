// A small template language for generated case text, drawn from a seeded Random
// (core/random/seeded.ts): the same seed gives the same text on every machine, so a demo, a test
// and a benchmark can regenerate a document instead of keeping it.
//
// Templates: `{甲|乙|丙}` picks one alternative (they nest); `<名>` is replaced by the slot 名 of
// the context: a bank of templates to pick from, or a function giving text such as a number.
// Words of phrases/synonyms.ts in fixed text vary by themselves.

import type { Random } from '../random/seeded.ts';
import { SYNONYM_GROUPS } from './phrases/synonyms.ts';

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
