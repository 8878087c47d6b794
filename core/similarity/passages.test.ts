import { describe, expect, it } from 'vitest';
import { overlappingPassages } from './passages.ts';

const COPIED = '村党总支牵头成立茶叶专业合作社，采取“党支部+合作社+农户”模式，吸纳312户入社，统一品种、技术和销售。';

describe('overlappingPassages', () => {
  it('covers the copied paragraph exactly in both texts, closing punctuation included', () => {
    const a = `社区党委每月召开联席会议，协商停车难问题。\n${COPIED}\n街道党工委推动老旧小区改造。`;
    const b = `国有企业党委把支部建在项目上，组建党员突击队。\n机关党委推行首问负责制。\n${COPIED}\n医院党委实施双带头人工程。`;
    const passages = overlappingPassages(a, b);
    expect(passages).toHaveLength(1);
    const [passage] = passages;
    expect(a.slice(passage!.a.start, passage!.a.end)).toBe(COPIED);
    expect(b.slice(passage!.b.start, passage!.b.end)).toBe(COPIED);
  });

  it('merges a copy with a few reworded words into one passage, in the order of the first text', () => {
    const reworded = COPIED.replace('牵头成立', '领办组建').replace('统一', '集中');
    const a = `开头不同的一段话。\n${reworded}`;
    const passages = overlappingPassages(a, `${COPIED}\n结尾不同的一段话。`);
    // 村党总支 before the first reworded words is shorter than a shingle: the passage starts after them.
    expect(passages).toHaveLength(1);
    expect(passages[0]!.a).toEqual({ start: a.indexOf('茶叶'), end: a.length });
    expect(passages[0]!.b).toEqual({ start: COPIED.indexOf('茶叶'), end: COPIED.length });
  });

  it('shows nothing for texts sharing only stock phrases', () => {
    expect(overlappingPassages('坚持党建引领，推动乡村振兴。', '坚持党建引领，服务城市社区居民。')).toEqual([]);
  });
});
