import { describe, expect, it } from 'vitest';
import { seventhCampaignData } from '../../server/testing/campaign-files.ts';
import { campaignSchema, type Campaign } from '../campaign/campaign.schema.ts';
import { findPersonalData } from './personal-data.ts';
import { flagPersonalData, publicBodyText, publicCopyProblems, type PublicCopyText } from './public-copy.ts';
import { displaysDuringCollection, publicationRefusal, publicPictureKinds, publicTier, type PublicationFacts } from './publication-rules.ts';

const campaign: Campaign = campaignSchema.parse(seventhCampaignData());
const passed: PublicationFacts = { status: 'submitted', screening: 'passed', final: false, finalTier: null, displayDuringCollection: true };

describe('publicationRefusal', () => {
  it('shows a case that passed screening during the collection only when the campaign displays them', () => {
    expect(publicationRefusal(passed)).toBe(null);
    expect(publicationRefusal({ ...passed, displayDuringCollection: false })).toBe('display_off');
    expect(publicationRefusal({ ...passed, screening: 'pending' })).toBe('not_passed');
    expect(publicationRefusal({ ...passed, screening: 'rejected' })).toBe('not_passed');
  });

  it('never shows a withdrawn, returned or draft case, whatever else holds', () => {
    for (const status of ['withdrawn', 'returned', 'draft']) {
      expect(publicationRefusal({ ...passed, status })).toBe('not_submitted');
      expect(publicationRefusal({ ...passed, status, final: true, finalTier: 'best' })).toBe('not_submitted');
    }
  });

  it('shows best and excellent cases once results are final, with their tier, even with display off', () => {
    const final = { ...passed, final: true, displayDuringCollection: false };
    expect(publicationRefusal({ ...final, finalTier: 'best' })).toBe(null);
    expect(publicationRefusal({ ...final, finalTier: 'excellent' })).toBe(null);
    expect(publicationRefusal({ ...final, finalTier: null })).toBe('not_chosen');
    expect(publicationRefusal({ ...final, finalTier: null, displayDuringCollection: true })).toBe(null);
    expect(publicTier({ final: true, finalTier: 'excellent' })).toBe('excellent');
    expect(publicTier({ final: false, finalTier: 'best' })).toBe(null);
  });

  it('reads the setting as off for a definition stored before it existed', () => {
    const old: Partial<Campaign> = { ...campaign };
    delete old.display;
    expect(displaysDuringCollection(old as Campaign)).toBe(false);
    expect(displaysDuringCollection(campaign)).toBe(false);
    expect(displaysDuringCollection({ ...campaign, display: { duringCollection: true, pictureKinds: [] } })).toBe(true);
    expect([publicPictureKinds(old as Campaign), publicPictureKinds(campaign)]).toEqual([['photos'], ['photos']]);
  });
});

describe('findPersonalData', () => {
  it('flags mobile numbers written whole, in groups, with +86 and in full-width digits', () => {
    const text = '联系人王书记13912345678，办公室139-1234-5678，或+86 139 1234 5678；热线１３９１２３４５６７８。';
    expect(findPersonalData(text).map((f) => [f.kind, f.text])).toEqual([
      ['mobile', '13912345678'], ['mobile', '139-1234-5678'], ['mobile', '+86 139 1234 5678'], ['mobile', '１３９１２３４５６７８'],
    ]);
  });

  it('flags identity-card numbers and not the phone-like digits inside them', () => {
    const flags = findPersonalData('身份证号130102199003071234，另一个11010519491231002X。');
    expect(flags.map((f) => [f.kind, f.text, f.index])).toEqual([['id_card', '130102199003071234', 4], ['id_card', '11010519491231002X', 26]]);
  });

  it('leaves landlines, years, amounts, longer numbers and 12-digit numbers alone', () => {
    expect(findPersonalData('电话010-65001234，2023年投入12000000元，编号1391234567890，卡号123456789012。')).toEqual([]);
    // A month 13 is no birth date.
    expect(findPersonalData('130102199013071234')).toEqual([]);
  });
});

describe('the public copy', () => {
  const P = '<p>社区党委牵头成立红色物业联盟。</p>';
  const copy: PublicCopyText = { title: '红色物业', unitName: '某社区党委', summary: P, sections: { background: P, practice: P, effectiveness: P, discussion: P, appendix: '' } };

  it('keeps the case limits, counted as the case editor counts them', () => {
    expect(publicCopyProblems(campaign, copy, 0)).toEqual([]);
    const long = '<p>' + '党'.repeat(501) + '</p>';
    const body = '<p>' + '建'.repeat(1251) + '</p>';
    const over = { ...copy, title: ' ', unitName: '单'.repeat(201), summary: long, sections: { ...copy.sections, background: body, practice: body, effectiveness: body, discussion: body } };
    expect(publicCopyProblems(campaign, over, 13)).toEqual([
      { field: 'title', problem: 'required', limit: 100 },
      { field: 'unitName', problem: 'too_long', limit: 200 },
      { field: 'summary', problem: 'too_long', limit: 500, count: 501 },
      { field: 'body', problem: 'too_long', limit: 5000, count: 5004 },
      { field: 'photos', problem: 'too_many', limit: 12 },
    ]);
  });

  it('does not count the appendix toward the body, as the case does not', () => {
    const appendix = '<p>' + '附'.repeat(6000) + '</p>';
    expect(publicCopyProblems(campaign, { ...copy, sections: { ...copy.sections, appendix } }, 0)).toEqual([]);
  });

  it('flags personal numbers by field, in the text a reader sees', () => {
    const flagged = { ...copy, summary: '<p>请联系<strong>139</strong>12345678</p>', sections: { ...copy.sections, practice: '<p>身份证130102199003071234</p>' } };
    expect(flagPersonalData(campaign, flagged)).toEqual([
      { field: 'summary', kind: 'mobile', text: '13912345678', index: 3 },
      { field: 'practice', kind: 'id_card', text: '130102199003071234', index: 3 },
    ]);
  });

  it('joins the sections in the campaign order as the body', () => {
    expect(publicBodyText(campaign, { discussion: '<p>四</p>', background: '<p>一</p>', appendix: '' })).toBe('一\n四');
  });
});
