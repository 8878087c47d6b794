import { describe, expect, it } from 'vitest';
import { seventhCampaignData } from '../../server/testing/campaign-files.ts';
import { campaignSchema, type Campaign } from './campaign.schema.ts';
import { frozenDefinitionChanges } from './frozen-definition.ts';

const before = campaignSchema.parse(seventhCampaignData());

function changed(edit: (data: Record<string, any>) => void): string[] {
  const data = seventhCampaignData();
  edit(data);
  return frozenDefinitionChanges(before, campaignSchema.parse(data));
}

describe('frozenDefinitionChanges', () => {
  it('finds nothing when only the call\'s other texts change', () => {
    expect(changed((d) => {
      d.contacts.phones = ['021-28288809'];
      d.review.reminderDaysBefore = [5];
      d.review.dueAt = '2024-09-15T23:59:59';
    })).toEqual([]);
  });

  it('names a changed weight and a changed scale, and lets a rubric\'s wording and a description be corrected', () => {
    expect(changed((d) => {
      d.review.criteria[0].weight = 30;
      d.review.criteria[3].weight = 15;
      d.review.criteria[1].levels.push({ score: 6, rubric: { 'zh-CN': '极具新意', en: 'Outstanding' } });
      d.review.criteria[2].levels[2].rubric['zh-CN'] = '成效较为明显，有数据支撑。';
      d.criteria[0].description.en = 'Cases must come from real practice.';
    })).toEqual([
      'review.criteria: weight of "authenticity" 25 → 30',
      'review.criteria: scale of "innovation" 1, 2, 3, 4, 5 → 1, 2, 3, 4, 5, 6',
      'review.criteria: weight of "typicality" 20 → 15',
    ]);
  });

  it('names a change of the reviews per case, of blind review and of the conflict level', () => {
    expect(changed((d) => {
      d.review.reviewsPerCase = 5;
      d.review.blind = false;
      d.review.conflictLevel = 'province';
    })).toEqual(['review.reviewsPerCase: 3 → 5', 'review.blind: true → false', 'review.conflictLevel: city → province']);
  });

  it('names a category removed, added or renamed and a criterion renamed', () => {
    expect(changed((d) => {
      d.categories = d.categories.filter((c: { key: string }) => c.key !== 'soe');
      d.categories.push({ key: 'schools', name: { 'zh-CN': '高校党建', en: 'Universities' }, description: { 'zh-CN': '高校', en: 'Universities' } });
      d.categories[0].name['zh-CN'] = '乡村基层党建';
      d.criteria[2].name.en = 'Results';
    })).toEqual([
      'categories: "soe" removed',
      'categories: "schools" added',
      'categories: "rural" renamed',
      'criteria: "effectiveness" renamed',
    ]);
  });

  it('protects no scales of a definition stored before review settings existed', () => {
    const old: Partial<Campaign> = { ...before };
    delete old.review;
    const data = seventhCampaignData();
    data.review.criteria[0].weight = 30;
    data.review.criteria[3].weight = 15;
    expect(frozenDefinitionChanges(old as Campaign, campaignSchema.parse(data))).toEqual([]);
  });
});
