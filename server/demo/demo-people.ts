import { seededRandom } from '../../core/random/seeded.ts';

// Names, telephone numbers and addresses for the demo's people and units, from a seed.

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕鹏辉建国志新海波宁斌宇浩凯晨欣怡佳悦思雨嘉琪俊文博瑞睿鑫'];
const ROADS = ['人民路', '解放路', '建设路', '中山路', '和平路', '新华路', '朝阳路', '胜利路', '文化路', '团结路'];
const POSITIONS = ['党委书记', '党支部书记', '党委副书记', '党建办主任', '组织委员', '党群工作部部长'];

export function personName(seed: string): string {
  const random = seededRandom(`person:${seed}`);
  return random.pick(SURNAMES) + Array.from({ length: random.int(1, 2) }, () => random.pick(GIVEN)).join('');
}

/** A mainland mobile number (1xx xxxx xxxx) that passes the unit form's check. */
export function mobile(seed: string): string {
  const random = seededRandom(`mobile:${seed}`);
  return `1${random.pick(['38', '39', '58', '86', '37', '50'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function address(seed: string, place: string): string {
  const random = seededRandom(`address:${seed}`);
  return `${place}${random.pick(ROADS)}${random.int(1, 399)}号`;
}

export function position(seed: string): string {
  return seededRandom(`position:${seed}`).pick(POSITIONS);
}
