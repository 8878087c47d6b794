import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded.ts';
import { canonicalJson } from './canonical-json.ts';

/** The rule stated plainly: through JSON first, then every object's keys sorted. */
function oracle(value: unknown): string {
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    if (v !== null && typeof v === 'object') {
      return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${write((v as Record<string, unknown>)[k])}`).join(',')}}`;
    }
    return JSON.stringify(v);
  };
  return write(JSON.parse(JSON.stringify(value) ?? 'null'));
}

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: '征', y: null }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":null,"z":"征"}]},"b":1}');
  });

  it('sorts by UTF-16 code units, not by locale or as numbers', () => {
    expect(canonicalJson({ 背景: 1, B: 2, a: 3, 做法: 4, 10: 5, 9: 6 })).toBe('{"10":5,"9":6,"B":2,"a":3,"做法":4,"背景":1}');
  });

  it('writes values the way JSON.stringify does', () => {
    const at = new Date('2024-06-30T15:59:59.000Z');
    expect(canonicalJson({ at, gone: undefined, fn: () => 1, nan: Number.NaN, inf: -Infinity, list: [undefined, () => 1, Symbol('s')] }))
      .toBe('{"at":"2024-06-30T15:59:59.000Z","inf":null,"list":[null,null,null],"nan":null}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('引号"与\\反斜杠\n')).toBe(JSON.stringify('引号"与\\反斜杠\n'));
    expect(canonicalJson({ toJSON: (key: string) => ({ key }) })).toBe('{"key":""}');
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  it('agrees with the plain rule on 2,000 random values', () => {
    const random = seededRandom(7).next;
    const leaf = (): unknown => {
      const pick = Math.floor(random() * 9);
      return [null, undefined, true, -0, random() * 1e6 - 5e5, '案例', `t${Math.floor(random() * 99)}\u2028`, new Date(Math.floor(random() * 2e12)), Number.NaN][pick];
    };
    const value = (depth: number): unknown => {
      if (depth > 3 || random() < 0.3) return leaf();
      if (random() < 0.5) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 5) }, () => [['a', 'B', '背景', 'z', '_', '10', '9'][Math.floor(random() * 7)]!, value(depth + 1)]));
    };
    for (let i = 0; i < 2000; i += 1) {
      const v = value(0);
      expect(canonicalJson(v)).toBe(oracle(v));
    }
  });
});
