import { describe, expect, it } from 'vitest';
import type { CaseContent } from './case-content.ts';
import { diffCaseContent, diffParagraphs, paragraphsOf } from './content-diff.ts';

const base: CaseContent = {
  title: '红色物业', category: 'urban', keywords: ['物业', '治理'],
  summary: '<p>社区党委牵头。</p>',
  sections: { background: '<h3>一、背景</h3><p>老旧小区多。</p><p>物业缺位。</p>', practice: '<p>党员认领楼栋。</p>' },
};

describe('diffParagraphs', () => {
  it('keeps the common paragraphs and marks an edited one as removed then added', () => {
    expect(diffParagraphs(['甲。', '乙。', '丙。'], ['甲。', '乙改。', '丙。', '丁。'])).toEqual([
      { op: 'same', text: '甲。' },
      { op: 'removed', text: '乙。' },
      { op: 'added', text: '乙改。' },
      { op: 'same', text: '丙。' },
      { op: 'added', text: '丁。' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffParagraphs([], ['新。'])).toEqual([{ op: 'added', text: '新。' }]);
    expect(diffParagraphs(['旧。'], [])).toEqual([{ op: 'removed', text: '旧。' }]);
    expect(diffParagraphs([], [])).toEqual([]);
  });

  it('keeps a moved paragraph once and marks the rest', () => {
    expect(diffParagraphs(['一', '二', '三'], ['三', '一', '二'])).toEqual([
      { op: 'added', text: '三' },
      { op: 'same', text: '一' },
      { op: 'same', text: '二' },
      { op: 'removed', text: '三' },
    ]);
  });
});

describe('diffCaseContent', () => {
  it('lists only the fields that changed, in reading order, paragraph by paragraph', () => {
    const after: CaseContent = {
      ...base,
      keywords: ['物业', '共治'],
      sections: { ...base.sections, background: '<h3>一、背景</h3><p>老旧小区多，矛盾突出。</p><p>物业缺位。</p>' },
    };
    expect(diffCaseContent(base, after, ['background', 'practice'])).toEqual([
      { field: 'keywords', ops: [{ op: 'same', text: '物业' }, { op: 'removed', text: '治理' }, { op: 'added', text: '共治' }] },
      {
        field: 'section:background',
        ops: [
          { op: 'same', text: '一、背景' },
          { op: 'removed', text: '老旧小区多。' },
          { op: 'added', text: '老旧小区多，矛盾突出。' },
          { op: 'same', text: '物业缺位。' },
        ],
      },
    ]);
  });

  it('finds nothing between equal contents and a new title as one removed and one added line', () => {
    expect(diffCaseContent(base, structuredClone(base), ['background', 'practice'])).toEqual([]);
    expect(diffCaseContent(base, { ...base, title: '红色物业暖人心' }, [])).toEqual([
      { field: 'title', ops: [{ op: 'removed', text: '红色物业' }, { op: 'added', text: '红色物业暖人心' }] },
    ]);
  });

  it('reads paragraphs from case HTML without empty lines', () => {
    expect(paragraphsOf('<p>甲</p><p> </p><ul><li>乙</li></ul>')).toEqual(['甲', '乙']);
  });
});
