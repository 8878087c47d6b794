import { describe, expect, it } from 'vitest';
import { createSubmittedCase } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

const QUEUE = `/api/v1/campaigns/${SEVENTH}/screening`;
const DECIDE = `${QUEUE}/decisions`;

async function world(cases: number) {
  const { app, database } = await createTestApp();
  const campaign = await database.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
  await createPerson(database.db, { email: 'a@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  await createPerson(database.db, { email: 'b@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  const submitted = [];
  for (let i = 0; i < cases; i++) submitted.push(await createSubmittedCase(app, { title: `红色物业第${i + 1}例` }));
  await database.db.updateTable('campaigns').set({ phase: 'screening' }).execute();
  const organizers = [await signedIn(app, 'a@example.cn'), await signedIn(app, 'b@example.cn')];
  const seen = ((await organizers[0]!.get(`${QUEUE}?pageSize=100`)).json().data as { caseId: string; submissionId: string; state: string }[])
    .map(({ caseId, submissionId, state }) => ({ caseId, submissionId, state }));
  return { app, db: database.db, organizers, seen, submitted };
}

describe(`screening decisions at once (${testEngine()})`, () => {
  it('lets exactly one of many overlapping bulk decisions through; the others are refused whole', async () => {
    const { db, organizers, seen } = await world(4);
    // Overlapping selections: every request holds the first case, and pairs of the others.
    const selections = Array.from({ length: 8 }, (_, i) => [seen[0]!, seen[1 + (i % 3)]!, seen[1 + ((i + 1) % 3)]!]);
    const answers = await Promise.all(selections.map((cases, i) => organizers[i % 2]!.post(DECIDE, { decision: i % 2 ? 'reject' : 'pass', reason: '不符合征集主题', cases })));
    const codes = answers.map((a) => (a.statusCode === 200 ? 'ok' : a.json().error.code)).sort();
    expect(codes).toEqual(['ok', ...Array(7).fill('screening_selection_changed')]);
    const decisions = await db.selectFrom('screening_decisions').select(['case_id', 'ordinal']).execute();
    expect(decisions.length).toBe(3);
    expect(new Set(decisions.map((d) => d.case_id)).size).toBe(3);
    expect(decisions.map((d) => d.ordinal)).toEqual([1, 1, 1]);
    const mails = await db.selectFrom('mails').select('id').where('template', '=', 'case_screened').execute();
    const audit = await db.selectFrom('audit_log').select('seq').where('action', 'in', ['case.screen_pass', 'case.screen_reject']).execute();
    expect([mails.length, audit.length]).toEqual([3, 3]);
    const decided = await db.selectFrom('cases').select('screening').where('screening', '<>', 'pending').execute();
    expect(decided.length).toBe(3);
  });

  it('withdraws a decision once when two organizers withdraw it at the same moment', async () => {
    const { db, organizers, seen } = await world(1);
    expect((await organizers[0]!.post(DECIDE, { decision: 'pass', cases: seen })).statusCode).toBe(200);
    const url = `/api/v1/cases/${seen[0]!.caseId}/screening/reversal`;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => organizers[i % 2]!.post(url, { submissionId: seen[0]!.submissionId, reason: '复核后撤销' })));
    expect(answers.map((a) => (a.statusCode === 200 ? 'ok' : a.json().error.code)).sort()).toEqual(['ok', ...Array(5).fill('screening_not_reversible')]);
    const rows = await db.selectFrom('screening_decisions').select(['decision', 'ordinal']).orderBy('ordinal').execute();
    expect(rows).toEqual([{ decision: 'passed', ordinal: 1 }, { decision: 'reversed', ordinal: 2 }]);
  });

  it('withdraws passes of several cases at once while others are decided, without a deadlock', async () => {
    const { db, organizers, seen } = await world(6);
    expect((await organizers[0]!.post(DECIDE, { decision: 'pass', cases: seen.slice(0, 4) })).statusCode).toBe(200);
    const reversals = seen.slice(0, 4).map((c, i) => organizers[i % 2]!.post(`/api/v1/cases/${c.caseId}/screening/reversal`, { submissionId: c.submissionId, reason: '复核后撤销' }));
    const decisions = seen.slice(4).map((c, i) => organizers[i % 2]!.post(DECIDE, { decision: 'pass', cases: [c] }));
    const answers = await Promise.all([...reversals, ...decisions]);
    expect(answers.map((a) => a.statusCode === 200 ? 'ok' : a.body)).toEqual(Array(6).fill('ok'));
    const screening = await db.selectFrom('cases').select('screening').orderBy('id').execute();
    expect(screening.map((c) => c.screening).sort()).toEqual(['passed', 'passed', 'pending', 'pending', 'pending', 'pending']);
  });
});
