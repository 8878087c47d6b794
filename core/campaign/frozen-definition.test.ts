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

  it('names a changed weight and a changed rubric', () => {
    expect(changed((d) => {
      d.review.criteria[0].weight = 30;
      d.review.criteria[3].weight = 15;
      d.review.criteria[1].levels[2].rubric['zh-CN'] = '有新意';
    })).toEqual([
      'review.criteria: weight of "authenticity" 25 → 30',
      'review.criteria: scale of "innovation" changed',
      'review.criteria: weight of "typicality" 20 → 15',
    ]);
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
      'categories: "rural" changed',
      'criteria: "effectiveness" changed',
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
