import { describe, expect, it } from 'vitest';
import { normalizeOrgName, orgLevelSchema, orgNameSchema, orgTypeSchema, validateOrgName } from './org-name.ts';

describe('normalizeOrgName', () => {
  it.each([
    ['北京市 朝阳区 ＡＢＣ党支部', '北京市朝阳区abc党支部'],
    ['中共 上海市\u3000浦东新区 委员会', '中共上海市浦东新区委员会'],
    ['腾讯科技（深圳）有限公司', '腾讯科技(深圳)有限公司'],
    ['中共·北京市委', '中共北京市委'],
    ['中共・北京市委', '中共北京市委'],
    ['中共･北京市委', '中共北京市委'],
    ['中共•北京市委', '中共北京市委'],
    ['中共‧北京市委', '中共北京市委'],
    ['第１２３党支部', '第123党支部'],
    ['XX\u200B村\uFEFF党支部\n', 'xx村党支部'],
    ['Tencent 党委', 'tencent党委'],
  ])('%j and %j are one unit', (a, b) => {
    expect(normalizeOrgName(a)).toBe(normalizeOrgName(b));
  });

  it('gives the exact key', () => {
    expect(normalizeOrgName(' 北京市 朝阳区 ＡＢＣ党支部 ')).toBe('北京市朝阳区abc党支部');
    expect(normalizeOrgName('中共·XX县委 组织部')).toBe('中共xx县委组织部');
  });

  it('keeps different names apart', () => {
    expect(normalizeOrgName('朝阳区第一党支部')).not.toBe(normalizeOrgName('朝阳区第二党支部'));
    expect(normalizeOrgName('ABC-1党支部')).toBe('abc-1党支部');
  });
});

describe('validateOrgName', () => {
  it.each([
    ['  村委  ', { ok: true, name: '村委' }],
    ['中共北京市朝阳区委员会', { ok: true, name: '中共北京市朝阳区委员会' }],
    ['𠀀𠀁', { ok: true, name: '𠀀𠀁' }],
    ['党'.repeat(100), { ok: true, name: '党'.repeat(100) }],
    ['  党 ', { ok: false, problem: 'too_short' }],
    ['', { ok: false, problem: 'too_short' }],
    ['· ·', { ok: false, problem: 'too_short' }],
    ['党'.repeat(101), { ok: false, problem: 'too_long' }],
    ['中共北京\n市委', { ok: false, problem: 'control_characters' }],
  ])('%j → %j', (input, expected) => {
    expect(validateOrgName(input)).toEqual(expected);
  });

  it('counts a rare character once, not as two UTF-16 units', () => {
    expect(validateOrgName('𠀀'.repeat(100))).toEqual({ ok: true, name: '𠀀'.repeat(100) });
  });

  it('works as a form field', () => {
    expect(orgNameSchema.parse('  某某村党支部 ')).toBe('某某村党支部');
    const issues = orgNameSchema.safeParse('x').error?.issues;
    expect(issues?.map((i) => [i.message, (i as { params?: unknown }).params])).toEqual([['use at least 2 characters', { problem: 'too_short' }]]);
  });
});

describe('levels and types', () => {
  it('lists the levels from the village to the centre', () => {
    expect(orgLevelSchema.options).toEqual(['village', 'township', 'county', 'city', 'province', 'central']);
    expect(orgLevelSchema.safeParse('district').success).toBe(false);
  });

  it('uses the six category keys of the notice as types', () => {
    expect(orgTypeSchema.options).toEqual(['rural', 'urban', 'soe', 'organs', 'institutions', 'new-sectors']);
    expect(orgTypeSchema.parse('new-sectors')).toBe('new-sectors');
  });
});
