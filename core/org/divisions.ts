import { z } from 'zod';

// Administrative divisions (GB/T 2260): province → city → county, six-digit codes. The data is
// injected (the server loads a package's JSON; the browser can fetch the API), so this stays pure.
//
// Only real divisions are nodes. The placeholder levels of the code tables (市辖区 110100,
// 县 500200, 省直辖县级行政区划 419000) are not: a county under one hangs directly under the
// province. So 北京市 › 朝阳区 has two steps and 广东省 › 深圳市 › 南山区 three, and 济源市 (a
// county-level city governed by 河南省) is a child of 河南省 beside its prefecture-level cities.

export const DIVISION_LEVELS = ['province', 'city', 'county'] as const;
export type DivisionLevel = (typeof DIVISION_LEVELS)[number];

export const divisionCodeSchema = z.string().regex(/^\d{6}$/, 'use a six-digit division code such as 440305');

export interface DivisionRecord {
  code: string;
  name: string;
  level: DivisionLevel;
  /** null for a province. */
  parentCode: string | null;
}

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** False for counties and for cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市). */
  hasChildren: boolean;
}

export interface DivisionDescription {
  code: string;
  name: string;
  level: DivisionLevel;
  /** From the province down to this division. */
  path: { code: string; name: string }[];
}

export interface DivisionIndex {
  /** Provinces for no parent; the children of a known division, by code; null for an unknown one. */
  listDivisions(parentCode?: string | null): Division[] | null;
  describeDivision(code: string): DivisionDescription | null;
  isValidDivisionCode(code: string): boolean;
  readonly size: number;
}

const PARENT_LEVEL: Record<DivisionLevel, DivisionLevel | null> = { province: null, city: 'province', county: null };

/** Builds the lookups once; throws on data that contradicts itself, naming the code. */
export function createDivisionIndex(records: readonly DivisionRecord[]): DivisionIndex {
  const byCode = new Map<string, DivisionRecord>();
  for (const r of records) {
    if (!/^\d{6}$/.test(r.code)) throw new Error(`division ${r.code}: not a six-digit code`);
    if (byCode.has(r.code)) throw new Error(`division ${r.code}: listed twice`);
    byCode.set(r.code, r);
  }

  const children = new Map<string | null, DivisionRecord[]>();
  for (const r of byCode.values()) {
    const parent = r.parentCode === null ? null : byCode.get(r.parentCode);
    if (r.level === 'province' ? r.parentCode !== null : !parent) {
      throw new Error(`division ${r.code}: parent ${r.parentCode ?? 'none'} does not fit a ${r.level}`);
    }
    // A city sits under a province; a county under a city or, for directly governed ones, a province.
    if (parent && (parent.level === 'county' || (PARENT_LEVEL[r.level] && parent.level !== PARENT_LEVEL[r.level]))) {
      throw new Error(`division ${r.code}: a ${r.level} cannot sit under the ${parent.level} ${parent.code}`);
    }
    if (parent && r.code.slice(0, 2) !== parent.code.slice(0, 2)) {
      throw new Error(`division ${r.code}: outside its parent ${parent.code}`);
    }
    const siblings = children.get(r.parentCode) ?? [];
    siblings.push(r);
    children.set(r.parentCode, siblings);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));

  const present = (r: DivisionRecord): Division => ({
    code: r.code,
    name: r.name,
    level: r.level,
    hasChildren: children.has(r.code),
  });

  return {
    size: byCode.size,
    listDivisions(parentCode) {
      if (parentCode !== undefined && parentCode !== null && !byCode.has(parentCode)) return null;
      return (children.get(parentCode ?? null) ?? []).map(present);
    },
    describeDivision(code) {
      const record = byCode.get(code);
      if (!record) return null;
      const path: { code: string; name: string }[] = [];
      for (let r: DivisionRecord | undefined = record; r; r = r.parentCode === null ? undefined : byCode.get(r.parentCode)) {
        path.unshift({ code: r.code, name: r.name });
      }
      return { code: record.code, name: record.name, level: record.level, path };
    },
    isValidDivisionCode(code) {
      return byCode.has(code);
    },
  };
}
