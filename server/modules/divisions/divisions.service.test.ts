import { describe, expect, it } from 'vitest';
import { describeDivision, isValidDivisionCode, listDivisions } from './divisions.service.ts';
import { loadDivisionRecords, toDivisionRecords } from './divisions.source.ts';

const names = (parent?: string) => listDivisions(parent)?.map((d) => `${d.code} ${d.name}`);

describe('divisions (GB/T 2260 from the 2023 code table)', () => {
  it('lists the 31 provincial-level units of the mainland', () => {
    expect(names()).toEqual([
      '110000 北京市', '120000 天津市', '130000 河北省', '140000 山西省', '150000 内蒙古自治区',
      '210000 辽宁省', '220000 吉林省', '230000 黑龙江省', '310000 上海市', '320000 江苏省',
      '330000 浙江省', '340000 安徽省', '350000 福建省', '360000 江西省', '370000 山东省',
      '410000 河南省', '420000 湖北省', '430000 湖南省', '440000 广东省', '450000 广西壮族自治区',
      '460000 海南省', '500000 重庆市', '510000 四川省', '520000 贵州省', '530000 云南省',
      '540000 西藏自治区', '610000 陕西省', '620000 甘肃省', '630000 青海省', '640000 宁夏回族自治区',
      '650000 新疆维吾尔自治区',
    ]);
    expect(listDivisions()?.[0]).toEqual({ code: '110000', name: '北京市', level: 'province', hasChildren: true });
  });

  it("lists 广东省's 21 cities, 东莞市 and 中山市 without counties", () => {
    expect(listDivisions('440000')?.map((d) => `${d.code} ${d.name}${d.hasChildren ? '' : ' (no counties)'}`)).toEqual([
      '440100 广州市', '440200 韶关市', '440300 深圳市', '440400 珠海市', '440500 汕头市', '440600 佛山市',
      '440700 江门市', '440800 湛江市', '440900 茂名市', '441200 肇庆市', '441300 惠州市', '441400 梅州市',
      '441500 汕尾市', '441600 河源市', '441700 阳江市', '441800 清远市', '441900 东莞市 (no counties)',
      '442000 中山市 (no counties)', '445100 潮州市', '445200 揭阳市', '445300 云浮市',
    ]);
    expect(listDivisions('441900')).toEqual([]);
  });

  it("lists 深圳市's nine districts", () => {
    expect(names('440300')).toEqual([
      '440303 罗湖区', '440304 福田区', '440305 南山区', '440306 宝安区', '440307 龙岗区',
      '440308 盐田区', '440309 龙华区', '440310 坪山区', '440311 光明区',
    ]);
    expect(listDivisions('440300')?.[2]).toEqual({ code: '440305', name: '南山区', level: 'county', hasChildren: false });
  });

  it('hangs the districts of a municipality directly under it, with no 市辖区 level', () => {
    expect(names('110000')).toEqual([
      '110101 东城区', '110102 西城区', '110105 朝阳区', '110106 丰台区', '110107 石景山区', '110108 海淀区',
      '110109 门头沟区', '110111 房山区', '110112 通州区', '110113 顺义区', '110114 昌平区', '110115 大兴区',
      '110116 怀柔区', '110117 平谷区', '110118 密云区', '110119 延庆区',
    ]);
    // 重庆市: its 市辖区 and 县 groups merge into one list of 26 districts and 12 counties.
    const chongqing = listDivisions('500000')!;
    expect([chongqing.length, chongqing[0]?.name, chongqing.at(-1)?.name]).toEqual([38, '万州区', '彭水苗族土家族自治县']);
    expect(chongqing.every((d) => d.level === 'county')).toBe(true);
    expect(['110100', '310100', '500100', '500200'].map(isValidDivisionCode)).toEqual([false, false, false, false]);
    expect(listDivisions('110100')).toBeNull();
  });

  it('puts a county governed by its province beside the cities', () => {
    expect(listDivisions('410000')?.at(-1)).toEqual({ code: '419001', name: '济源市', level: 'county', hasChildren: false });
    expect(describeDivision('419001')?.path).toEqual([{ code: '410000', name: '河南省' }, { code: '419001', name: '济源市' }]);
    expect(describeDivision('659012')?.path).toEqual([{ code: '650000', name: '新疆维吾尔自治区' }, { code: '659012', name: '白杨市' }]);
  });

  it('describes 南山区 as 广东省 › 深圳市 › 南山区', () => {
    expect(describeDivision('440305')).toEqual({
      code: '440305',
      name: '南山区',
      level: 'county',
      path: [{ code: '440000', name: '广东省' }, { code: '440300', name: '深圳市' }, { code: '440305', name: '南山区' }],
    });
    expect(describeDivision('440300')).toEqual({
      code: '440300', name: '深圳市', level: 'city', path: [{ code: '440000', name: '广东省' }, { code: '440300', name: '深圳市' }],
    });
    expect(describeDivision('110105')?.path.map((p) => p.name).join(' › ')).toBe('北京市 › 朝阳区');
    expect(describeDivision('000000')).toBeNull();
  });

  it('knows only real divisions: no development zones or other statistical units', () => {
    expect(['440305', '440000', '441900', '130171', '320571', '460321', '632857', '441900', '620201'].map(isValidDivisionCode))
      .toEqual([true, true, true, false, false, false, false, true, false]);
  });

  it('holds the whole table: 31 provinces, 333 prefecture-level and 2846 county-level divisions', () => {
    const records = loadDivisionRecords();
    expect(['province', 'city', 'county'].map((level) => records.filter((r) => r.level === level).length)).toEqual([31, 333, 2846]);
  });
});

describe('toDivisionRecords', () => {
  it('turns the code table into divisions', () => {
    expect(toDivisionRecords({
      provinces: [{ code: '11', name: '北京市' }, { code: '62', name: '甘肃省' }],
      cities: [
        { code: '1101', name: '市辖区', provinceCode: '11' },
        { code: '6202', name: '嘉峪关市', provinceCode: '62' },
      ],
      areas: [
        { code: '110105', name: '朝阳区', cityCode: '1101', provinceCode: '11' },
        { code: '620201', name: '嘉峪关市', cityCode: '6202', provinceCode: '62' },
        { code: '620271', name: '某某开发区', cityCode: '6202', provinceCode: '62' },
      ],
    })).toEqual([
      { code: '110000', name: '北京市', level: 'province', parentCode: null },
      { code: '620000', name: '甘肃省', level: 'province', parentCode: null },
      { code: '620200', name: '嘉峪关市', level: 'city', parentCode: '620000' },
      { code: '110105', name: '朝阳区', level: 'county', parentCode: '110000' },
    ]);
  });
});
