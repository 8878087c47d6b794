import { describe, expect, it } from 'vitest';
import { seventhCampaignData } from '../../server/testing/campaign-files.ts';
import { campaignSchema, describeCampaignIssues } from './campaign.schema.ts';

/** The problems the schema finds after `change` edits the seventh collection's file. */
function problemsAfter(change: (data: Record<string, any>) => void): string[] {
  const data = seventhCampaignData();
  change(data);
  const result = campaignSchema.safeParse(data);
  return result.success ? [] : describeCampaignIssues(result.error);
}

describe('selection quotas in the campaign file', () => {
  it('gives a file without them the earlier editions’ 30 best and 70 excellent cases, unbounded', () => {
    expect(campaignSchema.parse(seventhCampaignData()).selection).toEqual({ best: 30, excellent: 70, categories: {}, provinceCap: null });
  });

  it('reads bounds per category and a cap per province', () => {
    const data = seventhCampaignData();
    data.selection = { best: 20, categories: { rural: { min: 10 }, soe: { min: 2, max: 15 } }, provinceCap: 8 };
    expect(campaignSchema.parse(data).selection).toEqual({ best: 20, excellent: 70, categories: { rural: { min: 10 }, soe: { min: 2, max: 15 } }, provinceCap: 8 });
  });

  it('refuses negative and fractional quotas and a cap of zero, in both languages', () => {
    expect(problemsAfter((d) => { d.selection = { best: -1, excellent: 2.5, categories: { rural: { min: -3 } }, provinceCap: 0 }; })).toEqual([
      'selection.best: 名额不能为负 / a quota cannot be negative',
      'selection.excellent: 名额必须是整数 / a quota must be a whole number',
      'selection.categories.rural.min: 名额不能为负 / a quota cannot be negative',
      'selection.provinceCap: 名额至少为 1 / a quota must be at least 1',
    ]);
  });

  it('refuses bounds for no category, a minimum above its maximum and minimums above the places', () => {
    expect(problemsAfter((d) => { d.selection = { best: 5, excellent: 5, categories: { rurl: { min: 1 }, urban: { min: 8, max: 6 }, soe: { min: 3 } } }; })).toEqual([
      'selection.categories.rurl: 没有名为“rurl”的类别（现有：rural、urban、soe、organs、institutions、new-sectors） / names no category "rurl" (have: rural, urban, soe, organs, institutions, new-sectors)',
      'selection.categories.urban.min: 最少入选 8 个，多于最多入选的 6 个 / the minimum 8 is above the maximum 6',
      'selection.categories: 各类别最少入选数之和为 12，超过最佳与优秀名额之和 10 / the category minimums add up to 12, more than the 10 best and excellent places',
    ]);
  });

  it('refuses a tier quota that says otherwise than the selection', () => {
    expect(problemsAfter((d) => { d.tiers[0].quota = 30; d.tiers[1].quota = 60; })).toEqual([
      'tiers.1.quota: 与评选名额 selection.excellent = 70 不一致 / differs from selection.excellent = 70',
    ]);
  });
});
