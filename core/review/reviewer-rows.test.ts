import { describe, expect, it } from 'vitest';
import { createDivisionIndex } from '../org/divisions.ts';
import { createDivisionResolver } from './division-names.ts';
import { mapHeader, readReviewerRow, type SheetField } from './reviewer-rows.ts';

const index = createDivisionIndex([
  { code: '440000', name: '广东省', level: 'province', parentCode: null },
  { code: '320000', name: '江苏省', level: 'province', parentCode: null },
  { code: '350000', name: '福建省', level: 'province', parentCode: null },
  { code: '440300', name: '深圳市', level: 'city', parentCode: '440000' },
  { code: '440305', name: '南山区', level: 'county', parentCode: '440300' },
  { code: '320100', name: '南京市', level: 'city', parentCode: '320000' },
  { code: '320106', name: '鼓楼区', level: 'county', parentCode: '320100' },
  { code: '350100', name: '福州市', level: 'city', parentCode: '350000' },
  { code: '350102', name: '鼓楼区', level: 'county', parentCode: '350100' },
]);
const resolveDivision = createDivisionResolver(index);
const categories = [{ key: 'rural', names: ['农村基层党建', 'Rural Party building'] }, { key: 'urban', names: ['城市基层党建', 'Urban Party building'] }];
const cells = (over: Partial<Record<SheetField, string>> = {}): Record<SheetField, string> => ({
  name: '陈教授', email: 'Chen@Example.cn', expertise: '农村基层党建、urban', capacity: '30', province: '广东省', affiliation: '中国浦东干部学院', ...over,
});

describe('mapHeader', () => {
  it('finds the columns by Chinese or English header, in any order, full-width or with a note', () => {
    expect(mapHeader(['序号', 'Ｅ-mail', '姓名（必填）', 'Expertise', 'CAPACITY', '省份', 'Affiliation'])).toEqual({
      ok: true, columns: { email: 1, name: 2, expertise: 3, capacity: 4, province: 5, affiliation: 6 },
    });
  });

  it('names every missing column', () => {
    expect(mapHeader(['姓名', '手机', '单位'])).toEqual({ ok: false, missing: ['email', 'expertise', 'capacity', 'province'] });
  });
});

describe('createDivisionResolver', () => {
  it('takes a code, a path with or without separators, or a name only one division has', () => {
    expect(['440305', '广东省深圳市南山区', '广东省 / 深圳市', '南山区', '江苏省南京市鼓楼区'].map(resolveDivision)).toEqual(['440305', '440305', '440300', '440305', '320106']);
  });

  it('matches nothing for an unknown code or a name two divisions share', () => {
    expect(['999999', '鼓楼区', '火星'].map(resolveDivision)).toEqual([null, null, null]);
  });
});

describe('readReviewerRow', () => {
  const context = { categories, resolveDivision };

  it('reads a complete row: address in lower case, categories by name or key, the division by name', () => {
    expect(readReviewerRow(cells(), context)).toEqual({
      ok: true, row: { name: '陈教授', email: 'chen@example.cn', expertise: ['rural', 'urban'], capacity: 30, divisionCode: '440000', affiliation: '中国浦东干部学院' },
    });
  });

  it('leaves the division and affiliation empty when the cells are', () => {
    const read = readReviewerRow(cells({ province: '', affiliation: '' }), context);
    expect(read.ok && [read.row.divisionCode, read.row.affiliation]).toEqual([null, '']);
  });

  it('lists every problem of a bad row', () => {
    expect(readReviewerRow(cells({ name: ' ', email: 'chen@', expertise: '农村、太空', capacity: '-3', province: '鼓楼区' }), context)).toEqual({
      ok: false,
      problems: [
        { code: 'name_missing' },
        { code: 'email_invalid', params: { value: 'chen@' } },
        { code: 'expertise_unknown', params: { value: '农村' } },
        { code: 'expertise_unknown', params: { value: '太空' } },
        { code: 'capacity_invalid', params: { value: '-3', max: 500 } },
        { code: 'division_unknown', params: { value: '鼓楼区' } },
      ],
    });
  });

  it('refuses an empty expertise, a capacity past 500 and a line break in a name', () => {
    expect(readReviewerRow(cells({ expertise: '', capacity: '501', name: '陈\n教授' }), context)).toEqual({
      ok: false,
      problems: [{ code: 'control_characters', params: { column: '姓名/Name' } }, { code: 'expertise_missing' }, { code: 'capacity_invalid', params: { value: '501', max: 500 } }],
    });
  });

  it('refuses a zero-width space or a direction override in a name, an address or an affiliation', () => {
    expect(readReviewerRow(cells({ name: '陈\u200b教授', email: 'chen@example.cn\u202e', affiliation: '\u2066中国浦东干部学院\u2069' }), context)).toEqual({
      ok: false,
      problems: [
        { code: 'control_characters', params: { column: '姓名/Name' } },
        { code: 'control_characters', params: { column: '邮箱/E-mail' } },
        { code: 'control_characters', params: { column: '单位/Affiliation' } },
        { code: 'email_invalid', params: { value: 'chen@example.cn\u202e' } },
      ],
    });
  });

  it('folds an address typed in full-width letters and ＠ to the one the pool keys', () => {
    const read = readReviewerRow(cells({ email: 'ｃｈｅｎ＠Ｅｘａｍｐｌｅ．ｃｎ' }), context);
    expect(read.ok && read.row.email).toBe('chen@example.cn');
  });
});
