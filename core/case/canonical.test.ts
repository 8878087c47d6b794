import { describe, expect, it } from 'vitest';
import { canonicalCase } from './canonical.ts';

const content = { title: '标题', category: 'urban', keywords: ['甲'], summary: '<p>摘要</p>', sections: { practice: '<p>做法</p>', background: '<p>背景</p>' } };

describe('canonicalCase', () => {
  it('sorts keys at every level and has no spaces', () => {
    expect(canonicalCase({ campaign: 'seventh-collection', caseId: 'c1', content, declaration: { postcode: '100000' } })).toBe(
      '{"campaign":"seventh-collection","caseId":"c1","category":"urban","declaration":{"postcode":"100000"},"format":"zhengji-case/1","keywords":["甲"],"sections":{"background":"<p>背景</p>","practice":"<p>做法</p>"},"summary":"<p>摘要</p>","title":"标题"}',
    );
  });

  it('does not depend on the order the content was built in', () => {
    const reordered = { sections: { background: '<p>背景</p>', practice: '<p>做法</p>' }, summary: '<p>摘要</p>', keywords: ['甲'], category: 'urban', title: '标题' };
    const a = canonicalCase({ campaign: 's', caseId: 'c', content, declaration: {} });
    const b = canonicalCase({ campaign: 's', caseId: 'c', content: reordered, declaration: {} });
    expect(a).toBe(b);
  });
});
