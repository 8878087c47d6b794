import { describe, expect, it } from 'vitest';
import type { DivisionLevel } from '../org/divisions.ts';
import { GUARD_MS } from '../testing/guard.ts';
import { areaAtLevel, findConflictReasons, listConflicts, pairKey, type CaseParty, type ReviewerParty } from './conflicts.ts';

// A small division table: 广东省 › 深圳市 › 南山区 / 福田区, 广东省 › 广州市 › 天河区, 北京市 › 朝阳区 / 海淀区.
const PATHS: Record<string, { code: string; level: DivisionLevel }[]> = {
  '440305': [{ code: '440000', level: 'province' }, { code: '440300', level: 'city' }, { code: '440305', level: 'county' }],
  '440304': [{ code: '440000', level: 'province' }, { code: '440300', level: 'city' }, { code: '440304', level: 'county' }],
  '440106': [{ code: '440000', level: 'province' }, { code: '440100', level: 'city' }, { code: '440106', level: 'county' }],
  '110105': [{ code: '110000', level: 'province' }, { code: '110105', level: 'county' }],
  '110108': [{ code: '110000', level: 'province' }, { code: '110108', level: 'county' }],
};
const areaAt = (level: DivisionLevel) => (code: string) => areaAtLevel(PATHS[code] ?? [], level);

const aCase = (over: Partial<CaseParty> = {}): CaseParty => ({
  caseId: 'c1', unitId: 'u1', unitNameKey: '南山区粤海街道党工委', unitDivisionCode: '440305', superiorUnitId: null,
  superiorNameKeys: ['中共深圳市南山区委组织部'], superiorEmail: 'zzb@nanshan.example.cn', recommenderIds: [], recommenderEmails: [], ...over,
});
const aReviewer = (over: Partial<ReviewerParty> = {}): ReviewerParty => ({
  reviewerId: 'r1', email: 'expert@example.cn', userId: null, unitIds: [], affiliationKey: null, divisionCodes: ['110108'], ...over,
});
const reasonsOf = (cases: CaseParty[], reviewers: ReviewerParty[], level: DivisionLevel = 'city') =>
  Object.fromEntries([...findConflictReasons(cases, reviewers, areaAt(level))].map(([k, v]) => [k, [...v].sort()]));
const noMarks = { declared: new Map<string, string>(), dismissed: new Map() };

describe('areaAtLevel', () => {
  it('gives the ancestor at the level, and the division below the province where a branch has no city', () => {
    expect(areaAtLevel(PATHS['440305']!, 'province')).toBe('440000');
    expect(areaAtLevel(PATHS['440305']!, 'city')).toBe('440300');
    expect(areaAtLevel(PATHS['440305']!, 'county')).toBe('440305');
    expect(areaAtLevel(PATHS['110105']!, 'city')).toBe('110105');
    expect(areaAtLevel([], 'city')).toBe(null);
  });
});

describe('findConflictReasons', () => {
  it('finds nobody for a reviewer from elsewhere', () => {
    expect(reasonsOf([aCase()], [aReviewer()])).toEqual({});
  });

  it('finds a reviewer of the case unit, by affiliation, by membership or by the name written', () => {
    const reviewers = [
      aReviewer({ reviewerId: 'byId', unitIds: ['u1'] }),
      aReviewer({ reviewerId: 'byName', affiliationKey: '南山区粤海街道党工委' }),
      aReviewer({ reviewerId: 'other', unitIds: ['u9'], affiliationKey: '别的单位' }),
    ];
    expect(reasonsOf([aCase()], reviewers)).toEqual({ [pairKey('c1', 'byId')]: ['same_unit'], [pairKey('c1', 'byName')]: ['same_unit'] });
  });

  it("finds a reviewer of the unit's superior organization by registered unit, name or address", () => {
    const reviewers = [
      aReviewer({ reviewerId: 'unit', unitIds: ['sup'] }),
      aReviewer({ reviewerId: 'name', affiliationKey: '中共深圳市南山区委组织部' }),
      aReviewer({ reviewerId: 'mail', email: 'ZZB@nanshan.example.cn' }),
    ];
    expect(reasonsOf([aCase({ superiorUnitId: 'sup' })], reviewers)).toEqual({
      [pairKey('c1', 'unit')]: ['superior_unit'], [pairKey('c1', 'name')]: ['superior_unit'], [pairKey('c1', 'mail')]: ['superior_unit'],
    });
  });

  it('finds a shared division at the level asked, city by default', () => {
    const reviewers = [aReviewer({ reviewerId: 'futian', divisionCodes: ['440304'] }), aReviewer({ reviewerId: 'tianhe', divisionCodes: ['440106'] })];
    expect(reasonsOf([aCase()], reviewers, 'county')).toEqual({});
    expect(reasonsOf([aCase()], reviewers, 'city')).toEqual({ [pairKey('c1', 'futian')]: ['same_division'] });
    expect(reasonsOf([aCase()], reviewers, 'province')).toEqual({ [pairKey('c1', 'futian')]: ['same_division'], [pairKey('c1', 'tianhe')]: ['same_division'] });
  });

  it("treats a district of a municipality as its own city: 朝阳区 and 海淀区 share only 北京市", () => {
    const c = aCase({ unitDivisionCode: '110105' });
    expect(reasonsOf([c], [aReviewer()], 'city')).toEqual({});
    expect(reasonsOf([c], [aReviewer()], 'province')).toEqual({ [pairKey('c1', 'r1')]: ['same_division'] });
  });

  it('finds the reviewer who recommended the case, by account or address, with every other reason', () => {
    const c = aCase({ recommenderIds: ['user-7'], recommenderEmails: ['boss@example.cn'] });
    const reviewers = [
      aReviewer({ reviewerId: 'acct', userId: 'user-7', unitIds: ['u1'] }),
      aReviewer({ reviewerId: 'addr', email: 'boss@example.cn', divisionCodes: ['440305'] }),
    ];
    expect(reasonsOf([c], reviewers)).toEqual({
      [pairKey('c1', 'acct')]: ['recommended', 'same_unit'], [pairKey('c1', 'addr')]: ['recommended', 'same_division'],
    });
  });

  it('keeps to lookups for 3,000 cases × 500 reviewers (a nested loop would still finish; the guard only catches a hang)', () => {
    const codes = Object.keys(PATHS);
    const cases = Array.from({ length: 3000 }, (_, i) => aCase({ caseId: `c${i}`, unitId: `u${i}`, unitNameKey: `单位${i}`, unitDivisionCode: codes[i % 5]!, superiorNameKeys: [`上级${i % 40}`], superiorEmail: null }));
    const reviewers = Array.from({ length: 500 }, (_, i) => aReviewer({ reviewerId: `r${i}`, email: `r${i}@example.cn`, unitIds: [`u${i * 6}`], affiliationKey: `上级${i}`, divisionCodes: [codes[i % 5]!] }));
    const started = performance.now();
    const found = findConflictReasons(cases, reviewers, areaAt('county'));
    // Each county holds 600 cases and 100 reviewers.
    expect(found.size).toBe(5 * 600 * 100);
    expect(performance.now() - started).toBeLessThan(GUARD_MS);
  });
});

describe('listConflicts', () => {
  const cases = [aCase()];
  const reviewers = [aReviewer({ reviewerId: 'r1', divisionCodes: ['440304'] }), aReviewer({ reviewerId: 'r2' })];

  it('adds declared conflicts, which no dismissal hides', () => {
    const marks = { declared: new Map([[pairKey('c1', 'r2'), '曾指导该案例'], [pairKey('c1', 'gone'), 'x']]), dismissed: new Map([[pairKey('c1', 'r2'), ['same_division' as const]]]) };
    expect(listConflicts(cases, reviewers, areaAt('city'), marks)).toEqual([
      { caseId: 'c1', reviewerId: 'r1', reasons: ['same_division'], dismissed: false },
      { caseId: 'c1', reviewerId: 'r2', reasons: ['declared'], dismissed: false },
    ]);
  });

  it('marks a conflict dismissed only while every found reason was dismissed', () => {
    const marks = { declared: new Map<string, string>(), dismissed: new Map([[pairKey('c1', 'r1'), ['same_division' as const]]]) };
    expect(listConflicts(cases, reviewers, areaAt('city'), marks)).toEqual([{ caseId: 'c1', reviewerId: 'r1', reasons: ['same_division'], dismissed: true }]);
    const recommended = [aCase({ recommenderIds: ['u-r1'] })];
    const withAccount = [aReviewer({ reviewerId: 'r1', userId: 'u-r1', divisionCodes: ['440304'] })];
    expect(listConflicts(recommended, withAccount, areaAt('city'), marks)).toEqual([{ caseId: 'c1', reviewerId: 'r1', reasons: ['same_division', 'recommended'], dismissed: false }]);
    expect(listConflicts(cases, reviewers, areaAt('city'), noMarks)[0]!.dismissed).toBe(false);
  });
});
