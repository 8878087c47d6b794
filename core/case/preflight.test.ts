import { describe, expect, it } from 'vitest';
import { seventhCampaignData } from '../../server/testing/campaign-files.ts';
import { campaignSchema, type Campaign } from '../campaign/campaign.schema.ts';
import { caseCounts } from './case-counts.ts';
import type { CaseContent } from './case-content.ts';
import { preflight, type PreflightInput } from './preflight.ts';

const campaign: Campaign = campaignSchema.parse(seventhCampaignData());
const P = '<p>社区党委牵头成立红色物业联盟。</p>';
const complete: CaseContent = {
  title: '红色物业', category: 'urban', keywords: [], summary: P,
  sections: { background: P, practice: P, effectiveness: P, discussion: P, appendix: '' },
};
const unit = { address: '北京市朝阳区建外大街1号', contactName: '李华', contactPhone: '010-65001234', contactEmail: 'a@example.cn', superiorName: '街道工委' };
const files = [
  { kind: 'declaration-form', fileName: '申报表.docx', readable: true },
  { kind: 'sealed-form', fileName: '盖章.jpg', readable: true },
];
const input = (over: Partial<PreflightInput> = {}): PreflightInput => ({ campaign, content: complete, attachments: files, unit, recommendation: 'none', ...over });

describe('preflight', () => {
  it('finds nothing wrong with a complete case', () => {
    expect(preflight(input())).toEqual([]);
  });

  it('lists every problem of an empty draft, each with where it is fixed', () => {
    const empty: CaseContent = { title: '', category: null, keywords: [], summary: '', sections: {} };
    const problems = preflight(input({ content: empty, attachments: [], unit: { ...unit, contactPhone: '', superiorName: null } }));
    expect(problems.map((p) => `${p.code}@${p.target}`)).toEqual([
      'title_missing@title',
      'category_missing@category',
      'summary_missing@summary',
      'section_missing@section:background',
      'section_missing@section:practice',
      'section_missing@section:effectiveness',
      'section_missing@section:discussion',
      'attachment_missing@attachments:declaration-form',
      'attachment_missing@attachments:sealed-form',
      'unit_incomplete@unit',
    ]);
    expect(problems.at(-1)!.params).toEqual({ fields: 'contactPhone,superiorName' });
  });

  it('counts a section of markup without text as empty', () => {
    const problems = preflight(input({ content: { ...complete, sections: { ...complete.sections, practice: '<p> </p><h3></h3>' } } }));
    expect(problems).toEqual([{ code: 'section_missing', target: 'section:practice', params: { section: 'practice' } }]);
  });

  it('refuses a category the campaign does not have', () => {
    expect(preflight(input({ content: { ...complete, category: 'sports' } })).map((p) => p.code)).toEqual(['category_missing']);
  });

  it('reports the summary and the body over their limits with the counts', () => {
    const long = (n: number) => `<p>${'字'.repeat(n)}</p>`;
    const content = { ...complete, summary: long(501), sections: { ...complete.sections, practice: long(4990), appendix: long(9000) } };
    const body = caseCounts(campaign, content).body.count;
    expect(preflight(input({ content }))).toEqual([
      { code: 'summary_over', target: 'summary', params: { count: 501, max: 500 } },
      { code: 'body_over', target: 'body', params: { count: body, max: 5000 } },
    ]);
  });

  it('does not count the appendix toward the body', () => {
    const content = { ...complete, sections: { ...complete.sections, appendix: `<p>${'附'.repeat(9000)}</p>` } };
    expect(caseCounts(campaign, content).body.count).toBe(4 * 15);
    expect(preflight(input({ content }))).toEqual([]);
  });

  it('reports too many files of a kind and unreadable files', () => {
    const sealed = Array.from({ length: 6 }, (_, i) => ({ kind: 'sealed-form', fileName: `${i}.jpg`, readable: i !== 2 }));
    const problems = preflight(input({ attachments: [files[0]!, ...sealed] }));
    expect(problems).toEqual([
      { code: 'attachment_too_many', target: 'attachments:sealed-form', params: { kind: 'sealed-form', count: 6, max: 5 } },
      { code: 'attachment_unreadable', target: 'attachments:sealed-form', params: { kind: 'sealed-form', fileName: '2.jpg' } },
    ]);
  });

  it('asks for the recommendation only when the campaign requires it', () => {
    expect(preflight(input({ recommendation: 'pending' }))).toEqual([]);
    const required = { ...campaign, recommendation: 'required' as const };
    expect(preflight(input({ campaign: required, recommendation: 'pending' }))).toEqual([
      { code: 'recommendation_missing', target: 'recommendation', params: { status: 'pending' } },
    ]);
    expect(preflight(input({ campaign: required, recommendation: 'recommended' }))).toEqual([]);
    expect(preflight(input({ campaign: required, recommendation: 'void' }))).toEqual([
      { code: 'recommendation_missing', target: 'recommendation', params: { status: 'void' } },
    ]);
  });
});
