import { sql, type Kysely } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { SELECTION, selectionWorld } from '../../testing/selection-world.ts';
import { testEngine } from '../../testing/test-database.ts';

// A phase move that starts right after a selection write checked the phase: the test sets
// `moveAfterCheck`, and the next phase check of the write starts the move as soon as it returns.
const race = vi.hoisted(() => ({ moveAfterCheck: undefined as undefined | (() => Promise<void>), moved: undefined as undefined | Promise<void> }));
vi.mock('../campaigns/campaign-phase.service.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../campaigns/campaign-phase.service.ts')>();
  return {
    ...original,
    requirePhaseOpen: async (...args: Parameters<typeof original.requirePhaseOpen>) => {
      await original.requirePhaseOpen(...args);
      const move = race.moveAfterCheck;
      race.moveAfterCheck = undefined;
      if (move) {
        race.moved = move();
        // Outside a transaction nothing holds the phase, and the move commits at once; inside one
        // the move waits for the write's transaction to end.
        if (!args[0].isTransaction) await race.moved;
      }
    },
  };
});

// One best place, one excellent, at least one rural case: the suggestion is A (urban) best, C (rural) excellent.
const QUOTAS = { best: 1, excellent: 1, categories: { rural: { min: 1 } }, provinceCap: null };

// A change made after the suggestion was computed was checked against the decisions of that
// moment, not against the suggestion waiting to be accepted; accepting must not then make a
// selection that breaks a quota.
describe(`accepting a suggestion older than a change (${testEngine()})`, () => {
  it('refuses to accept a suggestion that, with a later change, would take more places than the quota', async () => {
    const { organizer, cases } = await selectionWorld(QUOTAS);
    await organizer.post(`${SELECTION}/suggestion`, {});
    // Nothing is decided yet, so putting D at best breaks nothing by itself.
    const changed = await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${cases.D.caseId}`, body: { tier: 'best', reason: '实地考察效果突出' } });
    expect(changed.statusCode).toBe(200);
    const accepted = await organizer.post(`${SELECTION}/accept`, {});
    expect([accepted.statusCode, accepted.json().error?.code]).toEqual([409, 'selection_suggestion_stale']);
    expect(accepted.json().error.details).toEqual([{ code: 'quota_broken', quota: { kind: 'tier_places', tier: 'best', limit: 1 }, count: 2 }]);
    // Nothing was accepted: only D is decided.
    const view = (await organizer.get(SELECTION)).json().data;
    expect([view.suggestion.acceptedAt, view.cases.filter((c: { decision: unknown }) => c.decision).length]).toEqual([null, 1]);
    // Recomputed around the change, the suggestion is accepted and the selection keeps its quotas.
    await organizer.post(`${SELECTION}/suggestion`, {});
    const again = await organizer.post(`${SELECTION}/accept`, {});
    expect([again.statusCode, again.json().data.problems]).toEqual([200, []]);
  });

  it('refuses to accept a suggestion whose only rural case was taken out after it was computed', async () => {
    const { organizer, cases } = await selectionWorld(QUOTAS);
    await organizer.post(`${SELECTION}/suggestion`, {});
    const changed = await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${cases.C.caseId}`, body: { tier: 'none', reason: '材料存疑' } });
    expect(changed.statusCode).toBe(200);
    const accepted = await organizer.post(`${SELECTION}/accept`, {});
    expect([accepted.statusCode, accepted.json().error?.code]).toEqual([409, 'selection_suggestion_stale']);
    expect((await organizer.get(SELECTION)).json().data.suggestion.acceptedAt).toBeNull();
  });
});

// A reason is text a person types: it passes the platform's one rule (core/text/clean-text.ts)
// before it is stored in the decision and the audit log, as every other reason does.
describe(`a change's reason (${testEngine()})`, () => {
  it('refuses a control character or a lone surrogate in the reason and stores nothing', async () => {
    const { app, organizer, cases } = await selectionWorld(QUOTAS);
    await organizer.post(`${SELECTION}/suggestion`, {});
    for (const reason of ['复核\u0007', '复核\ud800']) {
      const res = await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${cases.D.caseId}`, body: { tier: 'none', reason } });
      expect([res.statusCode, res.json().error.code, res.json().error.details?.[0]?.field]).toEqual([400, 'text_invalid', 'reason']);
    }
    expect(await app.db.selectFrom('selection_decisions').select('case_id').execute()).toEqual([]);
    // A clean reason in NFD is stored in NFC.
    const res = await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${cases.D.caseId}`, body: { tier: 'none', reason: 'Cafe\u0301 复核' } });
    expect(res.statusCode).toBe(200);
    const row = await app.db.selectFrom('selection_decisions').select('reason').where('case_id', '=', cases.D.caseId).executeTakeFirstOrThrow();
    expect(row.reason).toBe('Caf\u00e9 复核');
  });
});

// The phase must be checked where the write holds it: checked before the transaction, a move out
// of the selection phase can commit between the check and the write (PostgreSQL; SQLite runs one
// transaction at a time).
describe.skipIf(testEngine() !== 'postgres')(`a selection write racing a phase move (${testEngine()})`, () => {
  it('does not write a change after the campaign moved on from the selection phase', async () => {
    const { app, organizer, cases, campaignId } = await selectionWorld(QUOTAS);
    await organizer.post(`${SELECTION}/suggestion`, {});
    await organizer.post(`${SELECTION}/accept`, {});
    // What moveCampaignPhase does to the phase: its lock, the campaign's row, the new phase; it
    // notes whether the change had committed when it took the lock.
    let changeBeforeMove: boolean | undefined;
    race.moveAfterCheck = () => app.db.transaction().execute(async (trx: Kysely<Database>) => {
      await sql`select pg_advisory_xact_lock(${0x70686173}, hashtext(${campaignId}))`.execute(trx);
      await trx.selectFrom('campaigns').select('id').where('id', '=', campaignId).forUpdate().execute();
      changeBeforeMove = (await trx.selectFrom('selection_decisions').select('case_id').where('case_id', '=', cases.D.caseId).execute()).length > 0;
      await trx.updateTable('campaigns').set({ phase: 'notice' }).where('id', '=', campaignId).execute();
    });
    const res = await organizer.request({ method: 'PUT', url: `${SELECTION}/cases/${cases.D.caseId}`, body: { tier: 'none', reason: '复核' } });
    await race.moved;
    const written = (await app.db.selectFrom('selection_decisions').select('case_id').where('case_id', '=', cases.D.caseId).execute()).length > 0;
    // Either the change came first and the move waited for it, or the move came first and the change was refused.
    const outcome = [res.statusCode === 200 ? 'changed' : res.json().error.code, written, changeBeforeMove];
    expect([['changed', true, true], ['phase_closed', false, false]]).toContainEqual(outcome);
  });
});
