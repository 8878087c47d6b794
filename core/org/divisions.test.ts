import { describe, expect, it } from 'vitest';
import { createDivisionIndex, divisionCodeSchema, type DivisionRecord } from './divisions.ts';

const SAMPLE: DivisionRecord[] = [
  { code: '440000', name: '广东省', level: 'province', parentCode: null },
  { code: '110000', name: '北京市', level: 'province', parentCode: null },
  { code: '440300', name: '深圳市', level: 'city', parentCode: '440000' },
  { code: '440100', name: '广州市', level: 'city', parentCode: '440000' },
  { code: '441900', name: '东莞市', level: 'city', parentCode: '440000' },
  { code: '440305', name: '南山区', level: 'county', parentCode: '440300' },
  { code: '440303', name: '罗湖区', level: 'county', parentCode: '440300' },
  { code: '110105', name: '朝阳区', level: 'county', parentCode: '110000' },
];

describe('createDivisionIndex', () => {
  const index = createDivisionIndex(SAMPLE);

  it('lists provinces, then children by code, saying which have children', () => {
    expect(index.listDivisions()).toEqual([
      { code: '110000', name: '北京市', level: 'province', hasChildren: true },
      { code: '440000', name: '广东省', level: 'province', hasChildren: true },
    ]);
    expect(index.listDivisions(null)).toEqual(index.listDivisions());
    expect(index.listDivisions('440000')).toEqual([
      { code: '440100', name: '广州市', level: 'city', hasChildren: false },
      { code: '440300', name: '深圳市', level: 'city', hasChildren: true },
      { code: '441900', name: '东莞市', level: 'city', hasChildren: false },
    ]);
    expect(index.listDivisions('110000')).toEqual([{ code: '110105', name: '朝阳区', level: 'county', hasChildren: false }]);
    expect(index.listDivisions('440305')).toEqual([]);
  });

  it('answers null for an unknown parent', () => {
    expect(index.listDivisions('110100')).toBeNull();
  });

  it('describes a division with its path', () => {
    expect(index.describeDivision('440305')).toEqual({
      code: '440305',
      name: '南山区',
      level: 'county',
      path: [{ code: '440000', name: '广东省' }, { code: '440300', name: '深圳市' }, { code: '440305', name: '南山区' }],
    });
    expect(index.describeDivision('110105')?.path).toEqual([{ code: '110000', name: '北京市' }, { code: '110105', name: '朝阳区' }]);
    expect(index.describeDivision('440000')).toEqual({ code: '440000', name: '广东省', level: 'province', path: [{ code: '440000', name: '广东省' }] });
    expect(index.describeDivision('999999')).toBeNull();
  });

  it('validates codes', () => {
    expect(['440305', '440000', '110105', '110100', '44030', ''].map(index.isValidDivisionCode)).toEqual([true, true, true, false, false, false]);
    expect(index.size).toBe(8);
  });

  it.each([
    [[{ code: '4403', name: 'x', level: 'province', parentCode: null }], 'division 4403: not a six-digit code'],
    [[SAMPLE[0]!, SAMPLE[0]!], 'division 440000: listed twice'],
    [[{ code: '440300', name: '深圳市', level: 'city', parentCode: '440000' }], 'division 440300: parent 440000 does not fit a city'],
    [[SAMPLE[0]!, { code: '440300', name: '深圳市', level: 'province', parentCode: '440000' }], 'division 440300: parent 440000 does not fit a province'],
    [[SAMPLE[0]!, SAMPLE[2]!, { code: '440305', name: '南山区', level: 'city', parentCode: '440300' }], 'division 440305: a city cannot sit under the city 440300'],
    [[SAMPLE[0]!, { code: '110105', name: '朝阳区', level: 'county', parentCode: '440000' }], 'division 110105: outside its parent 440000'],
  ] as [DivisionRecord[], string][])('refuses inconsistent data (%#)', (records, message) => {
    expect(() => createDivisionIndex(records)).toThrow(new Error(message));
  });
});

describe('divisionCodeSchema', () => {
  it('takes six digits only', () => {
    expect(['440305', '44030', '4403051', '44030a', ' 440305'].map((c) => divisionCodeSchema.safeParse(c).success)).toEqual([true, false, false, false, false]);
  });
});
