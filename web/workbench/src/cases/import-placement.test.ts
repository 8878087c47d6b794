import { describe, expect, it } from 'vitest';
import type { ImportProposal } from './cases-api.ts';
import { placeUnmatched } from './import-placement.ts';

const PROPOSAL: ImportProposal = {
  title: '题目',
  summary: '',
  keywords: [],
  sections: { background: '<p>背景正文。</p>', practice: '', discussion: '<p>探讨正文。</p>' },
  unmatched: [
    { heading: null, html: '<p>——某社区党委</p>' },
    { heading: '五、下一步<打算>', html: '<p>打算正文。</p>' },
    { heading: '引言', html: '<p>引言正文。</p>' },
  ],
  warnings: [{ code: 'unmatched_content' }],
};

describe('placeUnmatched', () => {
  it('appends each part the unit placed, under its heading, and keeps the rest out', () => {
    expect(placeUnmatched(PROPOSAL, [null, 'discussion', 'background'])).toEqual({
      ...PROPOSAL,
      sections: {
        background: '<p>背景正文。</p><h3>引言</h3><p>引言正文。</p>',
        practice: '',
        discussion: '<p>探讨正文。</p><h3>五、下一步&lt;打算&gt;</h3><p>打算正文。</p>',
      },
      unmatched: [{ heading: null, html: '<p>——某社区党委</p>' }],
    });
  });

  it('places nothing the unit did not choose, nor into a section the campaign lacks', () => {
    expect(placeUnmatched(PROPOSAL, ['appendix'])).toEqual(PROPOSAL);
  });
});
