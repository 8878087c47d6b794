import type { DivisionDescription } from '../org/divisions.ts';
import type { Random } from '../random/seeded.ts';
import type { Slots } from './text-grammar.ts';
import { COMMON_SLOTS } from './phrases/common.ts';
import type { CategoryKey } from './phrases/categories.ts';
import { CATEGORY_PHRASES } from './phrases/categories.ts';

// The values one case keeps throughout (its place, its brand, its secretary) and the numbers it
// draws afresh in each sentence. A case names one brand and one secretary many times, as real
// cases do; numbers differ from sentence to sentence and from case to case.

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'建国华明军平志红伟丽强英敏杰涛文斌海燕霞峰宇辉刚静玉兰芳娟勇春晓磊超鹏林东亮云德福荣秀桂成新利家振凯俊雪琴梅永胜丹宏婷中兵忠晨浩然欣怡子轩佳瑶嘉诚思远'];
const PLACE_SYLLABLES = [...'东西南北上下大小新老青白石金柳桃杏枣梨桂兰松柏竹梅荷水山河湖塘坪岭湾沟川源泉溪庄营寨堡坝岗店集铺桥渡'];
const TOWN_SUFFIX = ['镇', '乡', '街道'];
const VILLAGE_SUFFIX = ['村', '村', '社区'];
const BRAND_HEADS = ['红色', '先锋', '连心', '暖心', '同心', '初心', '聚力', '邻里', '红旗', '火红', '金色', '党群', '红心', '向阳', '映山红', '石榴籽'];
const BRAND_TAILS = ['引擎', '纽带', '管家', '驿站', '港湾', '工坊', 'e家', '领航', '桥', '矩阵', '加油站', '夜话', '直通车', '联盟', '议事厅', '合伙人'];
const NUMERAL = ['一', '二', '三', '四', '五', '六'];
const SECRETARY_ROLE: Record<CategoryKey, readonly string[]> = {
  rural: ['村党支部书记', '村党总支书记', '镇党委书记', '驻村第一书记'],
  urban: ['社区党委书记', '街道党工委书记', '小区党支部书记', '网格党支部书记'],
  soe: ['公司党委书记', '项目党支部书记', '车间党支部书记'],
  organs: ['机关党委书记', '处室党支部书记', '机关党委专职副书记'],
  institutions: ['医院党委书记', '学校党委书记', '党支部书记、科室主任'],
  'new-sectors': ['行业党委书记', '园区综合党委书记', '联合党支部书记'],
};

function syllables(random: Random, count: number): string {
  let name = '';
  for (let i = 0; i < count; i += 1) name += random.pick(PLACE_SYLLABLES);
  return name;
}

function personName(random: Random): string {
  return random.pick(SURNAMES) + random.pick(GIVEN) + (random.chance(0.6) ? random.pick(GIVEN) : '');
}

function brandOf(random: Random): string {
  switch (random.int(0, 3)) {
    case 0:
      return `${random.pick([...NUMERAL.slice(0, 4)])}${random.pick(['联', '带', '访', '办', '心'])}${random.pick([...NUMERAL.slice(1)])}${random.pick(['帮', '促', '议', '融', '进'])}`;
    case 1:
      return `1+${random.int(2, 6)}+N`;
    default:
      return random.pick(BRAND_HEADS) + random.pick(BRAND_TAILS);
  }
}

function percent(random: Random): string {
  return `${random.int(12, 98)}.${random.int(0, 9)}%`;
}

function money(random: Random): string {
  return random.chance(0.15) ? `${random.int(1, 9)}.${random.int(1, 9)}亿元` : `${random.int(12, 980)}${random.chance(0.3) ? `.${random.int(1, 9)}` : ''}万元`;
}

export interface CasePlace {
  province: string;
  city: string;
  county: string;
  /** A town and a village or community in the county, invented: the division data stops at counties. */
  locality: string;
}

export function placeOf(division: DivisionDescription, random: Random): CasePlace {
  const names = division.path.map((p) => p.name);
  const province = names[0] ?? division.name;
  const city = names.length >= 2 ? names[1]! : province;
  const county = names.length >= 3 ? names[2]! : names[names.length - 1]!;
  const locality = `${syllables(random, 2)}${random.pick(TOWN_SUFFIX)}${syllables(random, 2)}${random.pick(VILLAGE_SUFFIX)}`;
  return { province, city, county, locality };
}

/**
 * Part of each bank: a case dwells on a few problems and measures, not on every one its category
 * knows, so two cases of one category meet only some of the same phrases.
 */
function ownShare(banks: Readonly<Record<string, readonly string[]>>, random: Random): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(banks).map(([name, bank]) => [name, bank.length < 4 ? bank : random.sample(bank, Math.ceil(bank.length * 0.4))]));
}

export interface CaseSlots {
  slots: Slots;
  brand: string;
  secretary: string;
  place: CasePlace;
}

/** The slots of one case: the shared banks, its category's banks and its own constants. */
export function caseSlots(category: CategoryKey, unitName: string, division: DivisionDescription, random: Random): CaseSlots {
  const place = placeOf(division, random);
  const brand = brandOf(random);
  const secretary = `${random.pick(SECRETARY_ROLE[category])}${personName(random)}`;
  const slots: Slots = {
    ...ownShare(COMMON_SLOTS, random),
    ...ownShare(CATEGORY_PHRASES[category].slots, random),
    // Functions: names are text, never parsed as templates.
    单位: () => unitName,
    省: () => place.province,
    市: () => place.city,
    县: () => place.county,
    地: (r) => (r.chance(0.3) ? place.county : place.locality),
    品牌: () => brand,
    书记: () => secretary,
    年: (r) => String(r.int(2019, 2023)),
    数: (r) => String(r.int(2, 36)),
    百: (r) => String(r.int(60, 980)),
    千: (r) => String(r.int(1200, 9800)),
    率: percent,
    高率: (r) => `${r.int(86, 99)}.${r.int(0, 9)}%`,
    年数: (r) => String(r.int(2, 5)),
    万元: money,
  };
  return { slots, brand, secretary, place };
}
