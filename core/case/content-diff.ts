import type { CaseContent } from './case-content.ts';
import { htmlToText } from './html-text.ts';

// What changed in a case since a superior organization last read it, field by field and
// paragraph by paragraph. Chinese has no spaces between words, so the unit is the paragraph: a
// longest-common-subsequence over paragraphs marks each as kept, added or removed, and an edited
// paragraph shows as its old text removed and its new text added.

export interface DiffOp {
  op: 'same' | 'added' | 'removed';
  text: string;
}

export interface FieldDiff {
  /** 'title', 'category', 'keywords', 'summary' or 'section:<key>'. */
  field: string;
  ops: DiffOp[];
}

/** Past this many cells the table would cost more than the answer is worth: show all old, then all new. */
const MAX_CELLS = 1_000_000;

/** The paragraphs of `before` and `after` in order, each marked kept, removed or added. */
export function diffParagraphs(before: readonly string[], after: readonly string[]): DiffOp[] {
  const n = before.length;
  const m = after.length;
  if (n * m > MAX_CELLS) {
    return [...before.map((text) => ({ op: 'removed' as const, text })), ...after.map((text) => ({ op: 'added' as const, text }))];
  }
  // common[i][j]: the longest common run of before[i..] and after[j..], in one flat array.
  const width = m + 1;
  const common = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i * width + j] = before[i] === after[j]
        ? common[(i + 1) * width + j + 1]! + 1
        : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      ops.push({ op: 'same', text: before[i]! });
      i++;
      j++;
    } else if (common[(i + 1) * width + j]! >= common[i * width + j + 1]!) {
      ops.push({ op: 'removed', text: before[i++]! });
    } else {
      ops.push({ op: 'added', text: after[j++]! });
    }
  }
  while (i < n) ops.push({ op: 'removed', text: before[i++]! });
  while (j < m) ops.push({ op: 'added', text: after[j++]! });
  return ops;
}

/** The non-empty paragraphs of case HTML as plain text. */
export function paragraphsOf(html: string): string[] {
  return htmlToText(html).split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * The fields that differ between two versions of a case, in reading order (title, category,
 * keywords, summary, then the sections in `sectionKeys` order); unchanged fields are left out.
 */
export function diffCaseContent(before: CaseContent, after: CaseContent, sectionKeys: readonly string[]): FieldDiff[] {
  const fields: [string, string[], string[]][] = [
    ['title', [before.title].filter(Boolean), [after.title].filter(Boolean)],
    ['category', [before.category ?? ''].filter(Boolean), [after.category ?? ''].filter(Boolean)],
    ['keywords', before.keywords, after.keywords],
    ['summary', paragraphsOf(before.summary), paragraphsOf(after.summary)],
    ...sectionKeys.map((key): [string, string[], string[]] => [`section:${key}`, paragraphsOf(before.sections[key] ?? ''), paragraphsOf(after.sections[key] ?? '')]),
  ];
  return fields
    .map(([field, a, b]) => ({ field, ops: diffParagraphs(a, b) }))
    .filter((d) => d.ops.some((op) => op.op !== 'same'));
}
