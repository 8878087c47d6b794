import type { DivisionDescription } from '../org/divisions.ts';
import type { CategoryKey } from './phrases/categories.ts';
import { seededRandom } from '../random/seeded.ts';
import { expand } from './text-grammar.ts';

// A plausible name for a submitting unit of a category in a division, for the demo and the
// similarity benchmark: the Party organization and where it sits (中共某某镇委员会, 某某社区党委,
// 某某集团有限公司党委). Invented below the county, as the division data stops there.

const NAME_TEMPLATES: Record<CategoryKey, readonly string[]> = {
  rural: ['中共<县><乡>委员会', '<县><乡><村>党委', '<县><乡><村>党支部'],
  urban: ['中共<县><街>工作委员会', '<县><街><社区>社区党委', '<市><街>党工委'],
  soe: ['<市><企>集团有限公司党委', '<省><企>投资集团有限公司党委', '<市><企>股份有限公司<车间>党支部'],
  organs: ['<县>{发展和改革局|市场监督管理局|行政审批服务局|税务局}机关党委', '<市>{人力资源和社会保障局|自然资源和规划局|住房和城乡建设局}机关党委'],
  institutions: ['<市>{第一|第二|中心|中医}医院党委', '<县>{第一中学|实验小学|职业技术学校}党委', '<省>{农业科学院|水利科学研究院|图书馆}党委'],
  'new-sectors': ['<市>快递行业党委', '<县><企>商圈党建联盟', '<市>{网络货运|电子商务|物业管理}行业协会党支部', '<县><企>科技园区综合党委'],
};
const SYLLABLES = [...'东西南北新青石金柳桃杏枣梨桂兰松柏竹梅荷水山河湖塘坪岭湾溪泉源丰安宁康和顺兴隆昌盛'];

/** The same name for the same seed, category and division. */
export function demoUnitName(seed: number | string, category: CategoryKey, division: DivisionDescription): string {
  const random = seededRandom(`unit:${seed}`);
  const names = division.path.map((p) => p.name);
  const word = (n: number) => () => Array.from({ length: n }, () => random.pick(SYLLABLES)).join('');
  return expand(random.pick(NAME_TEMPLATES[category]), {
    省: () => names[0]!,
    市: () => names[1] ?? names[0]!,
    县: () => names[names.length - 1]!,
    乡: () => `${word(2)()}${random.pick(['镇', '乡'])}`,
    村: () => `${word(2)()}村`,
    街: () => `${word(2)()}街道`,
    社区: word(2),
    企: word(2),
    车间: () => random.pick(['第一车间', '检修车间', '项目部', '运营中心']),
  }, random);
}
