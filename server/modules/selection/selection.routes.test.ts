import { describe, expect, it } from 'vitest';
import { setPhase } from '../../testing/assignments.ts';
import { createOrganizerOfAnotherCampaign, PASSWORD, signedIn } from '../../testing/people.ts';
import { SELECTION, selectionWorld } from '../../testing/selection-world.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

// One best place, one excellent, at least one rural case: A (urban) best, C (rural) excellent.
const QUOTAS = { best: 1, excellent: 1, categories: { rural: { min: 1 } }, provinceCap: null };

type View = {
  suggestion: { entries: { caseId: string; tier: string }[]; acceptedAt: string | null } | null;
  cases: { caseId: string; score: number; suggested: string; decision: { tier: string; source: string; reason: string | null } | null }[];
  quotas: { quota: { kind: string }; count: number; broken: boolean }[];
  problems: { code: string; quota?: { kind: string } }[];
};
const decisionsOf = (view: View) => Object.fromEntries(view.cases.flatMap((c) => (c.decision ? [[c.caseId, [c.decision.tier, c.decision.source]]] : [])));

describe(`the selection (${testEngine()})`, () => {
  it('computes, accepts, changes a case with a reason, and keeps the change when recomputed', async () => {
    const { app, organizer, cases, campaignId } = await selectionWorld(QUOTAS);
    const { A, B, C, D } = { A: cases.A.caseId, B: cases.B.caseId, C: cases.C.caseId, D: cases.D.caseId };
    expect((await organizer.get(SELECTION)).json().data).toEqual({ suggestion: null, cases: [], quotas: [], problems: [] });
    expect((await organizer.post(`${SELECTION}/accept`, {})).json().error.code).toBe('selection_not_computed');

    const computed = await organizer.post(`${SELECTION}/suggestion`, {});
    expect(computed.statusCode).toBe(200);
    let view = computed.json().data as View;
    expect(view.suggestion!.entries).toEqual([{ caseId: A, tier: 'best' }, { caseId: C, tier: 'excellent' }]);
    expect(view.cases.map((c) => [c.caseId, c.score, c.suggested])).toEqual([[A, 82.69, 'best'], [C, 78.93, 'excellent'], [D, 75.91, 'none'], [B, 40.34, 'none']]);
    // Nothing decided yet: the rural minimum is not met.
    expect(view.problems).toEqual([{ code: 'quota_broken', quota: { kind: 'category_min', category: 'rural', limit: 1 }, count: 0 }]);

    view = (await organizer.post(`${SELECTION}/accept`, {})).json().data;
    expect(decisionsOf(view)).toEqual({ [A]: ['best', 'suggested'], [C]: ['excellent', 'suggested'] });
    expect([view.problems, view.suggestion!.acceptedAt]).toEqual([[], expect.any(String)]);
    expect(view.quotas.map((q) => [q.quota.kind, q.count, q.broken])).toEqual([['tier_places', 1, false], ['tier_places', 1, false], ['category_min', 1, false]]);

    const demoted = await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${A}`, body: { tier: 'none', reason: '  材料存疑，待核实  ' } });
    expect(demoted.statusCode).toBe(200);
    view = (await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${D}`, body: { tier: 'best', reason: '实地考察效果突出' } })).json().data;
    expect(decisionsOf(view)).toEqual({ [A]: ['none', 'changed'], [C]: ['excellent', 'suggested'], [D]: ['best', 'changed'] });
    expect(view.cases.find((c) => c.caseId === A)!.decision!.reason).toBe('材料存疑，待核实');

    // Recomputed: the changes hold their places, the solver fills the rest, the suggestion waits to be accepted again.
    view = (await organizer.post(`${SELECTION}/suggestion`, {})).json().data;
    expect(view.suggestion!.entries).toEqual([{ caseId: C, tier: 'excellent' }]);
    expect([decisionsOf(view), view.suggestion!.acceptedAt]).toEqual([{ [A]: ['none', 'changed'], [D]: ['best', 'changed'] }, null]);
    view = (await organizer.post(`${SELECTION}/accept`, {})).json().data;
    expect(decisionsOf(view)).toEqual({ [A]: ['none', 'changed'], [C]: ['excellent', 'suggested'], [D]: ['best', 'changed'] });
    expect(view.problems).toEqual([]);

    const audit = await app.db.selectFrom('audit_log').select(['action', 'subject_id', 'change']).where('action', 'like', 'selection.%').orderBy('id').execute();
    expect(audit.map((e) => [e.action, e.subject_id])).toEqual([
      ['selection.suggest', campaignId], ['selection.accept', campaignId], ['selection.change', A], ['selection.change', D],
      ['selection.suggest', campaignId], ['selection.accept', campaignId],
    ]);
    expect(JSON.parse(audit[2]!.change)).toEqual({ campaignId, from: 'best', to: 'none', reason: '材料存疑，待核实' });
  });

  it('refuses a change without a reason, with a reason too long, or that breaks a quota, in the caller language', async () => {
    const { app, organizer, cases } = await selectionWorld(QUOTAS);
    await organizer.post(`${SELECTION}/suggestion`, {});
    await organizer.post(`${SELECTION}/accept`, {});
    const put = (client: TestClient, key: keyof typeof cases, body: object) => client.request({ method: 'PUT', url: `${SELECTION}/cases/${cases[key].caseId}`, body });
    const refusal = async (client: TestClient, key: keyof typeof cases, body: object) => {
      const res = await put(client, key, body);
      return [res.statusCode, res.json().error.code, res.json().error.message];
    };
    expect(await refusal(organizer, 'D', { tier: 'best' })).toEqual([400, 'selection_reason_required', '改动评选结果必须填写理由。']);
    expect(await refusal(organizer, 'D', { tier: 'best', reason: '   ' })).toEqual([400, 'selection_reason_required', '改动评选结果必须填写理由。']);
    expect(await refusal(organizer, 'D', { tier: 'best', reason: '理'.repeat(501) })).toEqual([400, 'selection_reason_too_long', '理由不能超过 500 个字。']);
    // Characters, not UTF-16 units: 500 of 𠮷 pass the length check and meet the quota; 501 do not.
    expect(await refusal(organizer, 'D', { tier: 'best', reason: '𠮷'.repeat(501) })).toEqual([400, 'selection_reason_too_long', '理由不能超过 500 个字。']);
    expect((await refusal(organizer, 'D', { tier: 'excellent', reason: '𠮷'.repeat(500) }))[1]).toBe('selection_quota_broken');
    expect(await refusal(organizer, 'D', { tier: 'excellent', reason: '补充' })).toEqual([409, 'selection_quota_broken', '不能这样改：“优秀案例”名额限为 1 个，改后将是 2 个。']);
    expect((await put(organizer, 'D', { tier: 'excellent', reason: '补充' })).json().error.details).toEqual([
      { code: 'quota_broken', quota: { kind: 'tier_places', tier: 'excellent', limit: 1 }, count: 2 },
    ]);
    const english = new TestClient(app, { 'accept-language': 'en' });
    await english.post('/api/v1/auth/sign-in', { email: 'organizer@example.cn', password: PASSWORD });
    expect(await refusal(english, 'C', { tier: 'none', reason: 'weak' })).toEqual([
      409, 'selection_quota_broken', 'This change would break a quota — the fewest selected in “Rural grass-roots Party building”: the limit is 1, the change would make it 0.',
    ]);
    expect(await refusal(english, 'D', { tier: 'best' })).toEqual([400, 'selection_reason_required', 'A change to the selection needs a reason.']);
    // Nothing was written by the refusals.
    const decisions = await app.db.selectFrom('selection_decisions').select(['case_id', 'source']).execute();
    expect(decisions.every((d) => d.source === 'suggested')).toBe(true);
    expect((await app.db.selectFrom('audit_log').select('id').where('action', '=', 'selection.change').execute())).toEqual([]);
  });

  it('refuses to suggest under quotas the candidates cannot meet, and says why', async () => {
    const { organizer } = await selectionWorld({ ...QUOTAS, categories: { rural: { min: 2 } } });
    const res = await organizer.post(`${SELECTION}/suggestion`, {});
    expect([res.statusCode, res.json().error.code, res.json().error.details]).toEqual([
      409, 'selection_quotas_unusable', [{ code: 'category_min_above_candidates', category: 'rural', min: 2, candidates: 1 }],
    ]);
    expect((await organizer.get(SELECTION)).json().data.suggestion).toBeNull();
  });

  it('writes only while the campaign is selecting', async () => {
    const { app, organizer } = await selectionWorld(QUOTAS);
    await setPhase(app, 'review');
    const res = await organizer.post(`${SELECTION}/suggestion`, {});
    expect([res.statusCode, res.json().error.code]).toEqual([409, 'phase_closed']);
  });

  it('answers organizers of the campaign only', async () => {
    const { app, cases, reviewers, organizer } = await selectionWorld(QUOTAS);
    await organizer.post(`${SELECTION}/suggestion`, {});
    await createOrganizerOfAnotherCampaign(app.db, 'other-organizer@example.cn');
    const codes = async (client: TestClient) => [
      (await client.get(SELECTION)).json().error?.code,
      (await client.post(`${SELECTION}/suggestion`, {})).json().error?.code,
      (await client.post(`${SELECTION}/accept`, {})).json().error?.code,
      (await client.request({ method: 'PUT', url: `${SELECTION}/cases/${cases.A.caseId}`, body: { tier: 'none', reason: '试' } })).json().error?.code,
    ];
    expect(await codes(new TestClient(app))).toEqual(Array(4).fill('unauthenticated'));
    expect(await codes(cases.A.client)).toEqual(Array(4).fill('forbidden'));
    expect(await codes(await signedIn(app, reviewers[0]!.email))).toEqual(Array(4).fill('forbidden'));
    expect(await codes(await signedIn(app, 'other-organizer@example.cn'))).toEqual(Array(4).fill('campaign_not_found'));
    expect(await app.db.selectFrom('selection_decisions').select('case_id').execute()).toEqual([]);
  });
});
