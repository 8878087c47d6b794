import type { DivisionIndex } from '../org/divisions.ts';

// A division as people write it in a sheet: a six-digit code, a full path (广东省深圳市南山区,
// "广东省 / 深圳市"), or one name that only one division has (深圳市). A name many divisions share
// (several 鼓楼区) matches nothing, so the row says so instead of guessing.

const SEPARATORS = /[\s/／>›·・\\-]+/gu;
const normalize = (text: string) => text.normalize('NFKC').replace(SEPARATORS, '');

/** Resolves a division's code or name to its code; null for none or more than one. */
export function createDivisionResolver(index: Pick<DivisionIndex, 'listDivisions' | 'isValidDivisionCode'>): (text: string) => string | null {
  const byPath = new Map<string, string>();
  const byName = new Map<string, string | null>();
  const walk = (parent: string | null, prefix: string) => {
    for (const d of index.listDivisions(parent) ?? []) {
      const path = prefix + d.name;
      byPath.set(path, d.code);
      byName.set(d.name, byName.has(d.name) ? null : d.code);
      if (d.hasChildren) walk(d.code, path);
    }
  };
  walk(null, '');
  return (text) => {
    const wanted = normalize(text);
    if (/^\d{6}$/.test(wanted)) return index.isValidDivisionCode(wanted) ? wanted : null;
    return byPath.get(wanted) ?? byName.get(wanted) ?? null;
  };
}
