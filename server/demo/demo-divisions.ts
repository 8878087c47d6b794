import type { DivisionDescription } from '../../core/org/divisions.ts';
import { seededRandom } from '../../core/random/seeded.ts';
import { describeDivision, listDivisions } from '../modules/divisions/divisions.service.ts';

// Where the demo's units sit: unit i in province i mod 31 (so the first unit is in 北京市 and any
// 31 units cover every province), in one of that province's counties drawn from the seed.

const provinces = () => listDivisions()!;

function countiesOf(provinceCode: string): string[] {
  return listDivisions(provinceCode)!.flatMap((city) => (city.hasChildren ? listDivisions(city.code)!.map((c) => c.code) : [city.code]));
}

const counties = new Map<string, string[]>();

export function unitDivision(index: number): DivisionDescription {
  const all = provinces();
  const province = all[index % all.length]!;
  if (!counties.has(province.code)) counties.set(province.code, countiesOf(province.code));
  const code = seededRandom(`county:${index}`).pick(counties.get(province.code)!);
  return describeDivision(code)!;
}

/** The province's seat: the first city listed (a municipality's first district). */
export function capitalOf(provinceCode: string): DivisionDescription {
  const first = listDivisions(provinceCode)![0]!;
  return describeDivision(first.code)!;
}

/** 中共浙江省委组织部, 中共内蒙古自治区委员会组织部. */
export function provincialDepartmentName(provinceName: string): string {
  return provinceName.endsWith('自治区') ? `中共${provinceName}委员会组织部` : `中共${provinceName}委组织部`;
}
