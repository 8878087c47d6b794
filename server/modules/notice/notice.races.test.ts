import { describe, expect, it } from 'vitest';
import { NOTICE, noticeWorld, objection, PUBLIC_NOTICE } from '../../testing/notice-world.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

// Check-then-write under parallel requests: meant for PostgreSQL, where transactions overlap.
const outcomes = (answers: { statusCode: number; json: () => { error?: { code: string } } }[]) =>
  answers.map((a) => (a.statusCode < 300 ? a.statusCode : a.json().error!.code)).sort();

describe(`notice races (${testEngine()})`, () => {
  it('publishes once, resolves an objection once and finalizes once when two organizers act at once', async () => {
    const { app, organizer, campaignId, setNow } = await noticeWorld();
    await createPerson(app.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId }] });
    const second = await signedIn(app, 'second@example.cn');

    expect(outcomes(await Promise.all([organizer.post(NOTICE, { body: '公示一' }), second.post(NOTICE, { body: '公示二' })]))).toEqual([200, 'notice_already_published']);
    expect(await app.db.selectFrom('notices').select('body').execute()).toHaveLength(1);

    // The same objection sent from two tabs at once: one objection, one reference.
    const visitor = new TestClient(app);
    // One refused form first, so both tabs share the visitor's CSRF cookie.
    expect((await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(9))).json().error.code).toBe('objection_case_unknown');
    const sent = await Promise.all([visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1)), visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1))]);
    expect(sent.map((s) => s.statusCode)).toEqual([201, 201]);
    expect(new Set(sent.map((s) => s.json().data.reference)).size).toBe(1);
    const [only] = await app.db.selectFrom('objections').select('id').execute();
    expect(await app.db.selectFrom('objections').select('id').execute()).toHaveLength(1);

    const resolve = (client: TestClient, body: unknown) => client.post(`${NOTICE}/objections/${only!.id}/outcome`, body);
    const resolved = await Promise.all([
      resolve(organizer, { status: 'upheld', tier: 'none', reason: '属实' }), resolve(second, { status: 'dismissed', reason: '不属实' }),
    ]);
    expect(outcomes(resolved)).toEqual([200, 'objection_resolved']);
    expect(await app.db.selectFrom('audit_log').select('id').where('action', '=', 'objection.resolve').execute()).toHaveLength(1);

    setNow(new Date('2026-12-08T00:00:00Z'));
    const [a, b] = [await signedIn(app, 'organizer@example.cn'), await signedIn(app, 'second@example.cn')];
    expect(outcomes(await Promise.all([a.post(`${NOTICE}/finalize`, {}), b.post(`${NOTICE}/finalize`, {})]))).toEqual([200, 'notice_already_final']);
    expect(await app.db.selectFrom('audit_log').select('id').where('action', '=', 'notice.finalize').execute()).toHaveLength(1);
    expect(await app.db.selectFrom('mails').select('id').where('template', '=', 'campaign_result').execute()).toHaveLength(4);
  });

  it('takes five of eight different objections sent at once from one address', async () => {
    const { app, organizer } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    const visitor = new TestClient(app);
    expect((await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(9))).json().error.code).toBe('objection_case_unknown');
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1, { body: `同时提出的第 ${i} 项异议，内容各不相同。` }))));
    expect(outcomes(sent)).toEqual([201, 201, 201, 201, 201, 'objection_limit', 'objection_limit', 'objection_limit']);
    expect(await app.db.selectFrom('objections').select('id').execute()).toHaveLength(5);
  });

  it('finalizes or takes the outcome, never finalizes past an objection resolved into the old list', async () => {
    const { app, organizer, campaignId, setNow } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    await new TestClient(app).post(`${PUBLIC_NOTICE}/objections`, objection(1));
    const [only] = await app.db.selectFrom('objections').select('id').execute();
    setNow(new Date('2026-12-08T00:00:00Z'));
    await createPerson(app.db, { email: 'second@example.cn', grants: [{ role: 'organizer', campaignId }] });
    const [a, b] = [await signedIn(app, 'organizer@example.cn'), await signedIn(app, 'second@example.cn')];
    // The finalize sees the objection open, or sees it resolved and the case off the list: never a result for a case just taken off.
    await Promise.all([a.post(`${NOTICE}/objections/${only!.id}/outcome`, { status: 'upheld', tier: 'none', reason: '属实' }), b.post(`${NOTICE}/finalize`, {})]);
    const results = await app.db.selectFrom('final_results').select('case_id').execute();
    const offList = await app.db.selectFrom('selection_decisions').select('case_id').where('tier', '=', 'none').execute();
    expect(results.filter((r) => offList.some((o) => o.case_id === r.case_id))).toEqual([]);
  });
});
