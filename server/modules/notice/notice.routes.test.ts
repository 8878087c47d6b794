import { describe, expect, it } from 'vitest';
import { OBJECTION_RATE } from '../../../core/notice/notice-rules.ts';
import { createOrganizerOfAnotherCampaign, signedIn } from '../../testing/people.ts';
import { setPhase } from '../../testing/assignments.ts';
import { NOTICE, noticeWorld, objection, PUBLIC_NOTICE, PUBLISHED } from '../../testing/notice-world.ts';
import { selectionWorld } from '../../testing/selection-world.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

// Issue 15 item 3: the notice from publishing to the final results, with an objection upheld and
// one dismissed, and every refusal on the way.

describe(`the public notice (${testEngine()})`, () => {
  it('publishes, takes objections, resolves them and finalizes', async () => {
    const { app, organizer, cases, campaignId, setNow } = await noticeWorld();
    const draft = (await organizer.get(NOTICE)).json().data;
    expect(draft.notice).toBeNull();
    expect(draft.draft).toMatchObject({ days: 7, selected: 2, ready: true });
    expect(draft.draft.body).toContain('公示期 7 天');
    const visitor = new TestClient(app);
    expect((await visitor.get(PUBLIC_NOTICE)).json().error.code).toBe('notice_not_published');

    const published = await organizer.post(NOTICE, { body: '现将拟推荐名单予以公示。' });
    expect(published.statusCode).toBe(200);
    const notice = published.json().data.notice;
    expect(notice).toMatchObject({ startsAtLocal: '2026-12-01 10:00', endsAtLocal: '2026-12-07 23:59', endsAt: '2026-12-07T16:00:00.000Z', zone: '北京时间', stage: 'running' });
    expect(notice.entries.map((e: { n: number; caseId: string; tier: string }) => [e.n, e.caseId, e.tier])).toEqual([[1, cases.A.caseId, 'best'], [2, cases.C.caseId, 'excellent']]);
    expect((await organizer.post(NOTICE, { body: '再发一次' })).json().error.code).toBe('notice_already_published');
    // Nor back to selection to change the list the public now reads.
    const back = await organizer.post('/api/v1/campaigns/seventh-collection/phase', { to: 'selection', reason: '名单要改' });
    expect([back.statusCode, back.json().error.code, back.json().error.message]).toEqual([409, 'phase_notice_published', '拟推荐名单已经公示，不能再退回遴选阶段：公示的名单只能通过处理异议调整。']);
    expect((await app.db.selectFrom('campaigns').select('phase').where('id', '=', campaignId).executeTakeFirstOrThrow()).phase).toBe('notice');

    // Anyone reads it, without case ids.
    const open = (await visitor.get(PUBLIC_NOTICE)).json().data;
    expect(open.entries).toEqual([
      { n: 1, tier: 'best', title: '案例甲', unitName: expect.any(String), category: expect.any(String), certificate: null },
      { n: 2, tier: 'excellent', title: '案例丙', unitName: expect.any(String), category: expect.any(String), certificate: null },
    ]);
    expect(JSON.stringify(open)).not.toContain(cases.A.caseId);

    // Two objections; the same one sent twice keeps its first reference.
    const first = await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1));
    expect(first.statusCode).toBe(201);
    const { reference } = first.json().data;
    expect(reference).toMatch(/^YY7-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1))).json().data.reference).toBe(reference);
    setNow(new Date(PUBLISHED.getTime() + 3_600_000));
    expect((await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(2, { email: null, body: '该案例材料与另一单位报送材料雷同。' }))).statusCode).toBe(201);
    const mails = await app.db.selectFrom('mails').select(['to_email', 'template', 'subject']).where('template', 'like', 'objection_%').orderBy('created_at').execute();
    expect(mails.filter((m) => m.template === 'objection_received')).toEqual([{ to_email: 'zhang@example.cn', template: 'objection_received', subject: expect.stringContaining(reference) }]);
    expect(mails.filter((m) => m.template === 'objection_routed').map((m) => m.to_email)).toContain('organizer@example.cn');

    let view = (await organizer.get(NOTICE)).json().data;
    expect(view.objections.map((o: { reference: string; caseTitle: string; phone: string; status: string }) => [o.caseTitle, o.phone, o.status]))
      .toEqual([['案例甲', '13912345678', 'open'], ['案例丙', '13912345678', 'open']]);
    expect(view.finalizeRefusal).toBe('notice_running');

    // Finalizing waits for the end of the notice, then for every objection.
    const early = await organizer.post(`${NOTICE}/finalize`, {});
    expect([early.statusCode, early.json().error]).toEqual([409, { code: 'notice_running', message: '公示期至 2026-12-07 23:59（北京时间）结束，结束后才能确认最终结果。' }]);
    setNow(new Date('2026-12-07T16:00:00Z'));
    expect((await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1, { body: '公示结束后才想起来的异议内容。' }))).json().error.code).toBe('notice_not_running');
    const unresolved = await organizer.post(`${NOTICE}/finalize`, {});
    expect(unresolved.json().error).toEqual({ code: 'notice_objections_open', message: '还有 2 件异议尚未处理，请全部处理后再确认最终结果。' });

    const [onA, onC] = view.objections as { id: string }[];
    const outcome = (id: string, body: unknown) => organizer.post(`${NOTICE}/objections/${id}/outcome`, body);
    expect((await outcome(onA!.id, { status: 'upheld', tier: 'best', reason: '属实' })).json().error.code).toBe('objection_tier_unchanged');
    expect((await outcome(onA!.id, { status: 'dismissed', reason: '  ' })).json().error.code).toBe('objection_reason_required');
    expect((await outcome(onA!.id, { status: 'upheld', tier: 'excellent', reason: '经核实，部分数据重复统计，降为优秀案例。' })).statusCode).toBe(200);
    expect((await outcome(onA!.id, { status: 'dismissed', reason: '再处理一次' })).json().error.code).toBe('objection_resolved');
    view = (await outcome(onC!.id, { status: 'dismissed', reason: '经核实，两单位做法各有出处。' })).json().data;
    expect(view.objections.map((o: { status: string; outcomeTier: string | null; currentTier: string }) => [o.status, o.outcomeTier, o.currentTier]))
      .toEqual([['upheld', 'excellent', 'excellent'], ['dismissed', null, 'excellent']]);
    expect(view.finalizeRefusal).toBeNull();
    const decision = await app.db.selectFrom('selection_decisions').select(['tier', 'source', 'reason']).where('case_id', '=', cases.A.caseId).executeTakeFirstOrThrow();
    expect(decision).toEqual({ tier: 'excellent', source: 'changed', reason: `${reference}: 经核实，部分数据重复统计，降为优秀案例。` });
    expect((await app.db.selectFrom('mails').select('to_email').where('template', '=', 'objection_resolved').execute()).map((m) => m.to_email)).toEqual(['zhang@example.cn']);

    const final = await organizer.post(`${NOTICE}/finalize`, {});
    expect(final.statusCode).toBe(200);
    expect(final.json().data.finalizeRefusal).toBe('already_final');
    const results = await app.db.selectFrom('final_results').select(['case_id', 'tier', 'serial']).where('campaign_id', '=', campaignId).orderBy('serial').execute();
    expect(results.map((r) => [r.case_id, r.tier])).toEqual([[cases.A.caseId, 'excellent'], [cases.C.caseId, 'excellent']]);
    expect(results.map((r) => r.serial)).toEqual([expect.stringMatching(/^ZJ7-0001-/), expect.stringMatching(/^ZJ7-0002-/)]);
    expect((await app.db.selectFrom('campaigns').select('phase').where('id', '=', campaignId).executeTakeFirstOrThrow()).phase).toBe('final');
    // The public now reads the final list: 甲 as the upheld objection left it, each with its certificate's number.
    expect((await visitor.get(PUBLIC_NOTICE)).json().data.entries.map((e: { title: string; tier: string; certificate: string }) => [e.title, e.tier, e.certificate]))
      .toEqual([['案例甲', 'excellent', results[0]!.serial], ['案例丙', 'excellent', results[1]!.serial]]);
    // Every unit that submitted hears its result, selected or not.
    const told = await app.db.selectFrom('mails').select(['subject']).where('template', '=', 'campaign_result').execute();
    expect(told).toHaveLength(4);
    expect(told.filter((m) => m.subject.includes('优秀案例'))).toHaveLength(2);
    expect((await organizer.post(`${NOTICE}/finalize`, {})).json().error.code).toBe('notice_already_final');
    const actions = (await app.db.selectFrom('audit_log').select('action').where('action', 'in', ['notice.publish', 'objection.file', 'objection.resolve', 'notice.finalize']).orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['notice.publish', 'objection.file', 'objection.file', 'objection.resolve', 'objection.resolve', 'notice.finalize']);
  });

  it('refuses an objection nobody could answer, about a case not listed, and names each wrong field in the visitor’s language', async () => {
    const { app, organizer } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    const visitor = new TestClient(app);
    const none = await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1, { phone: '', email: null }));
    expect([none.statusCode, none.json().error.message]).toEqual([400, '异议内容有误：请至少留下电话或电子邮箱中的一种，以便核实和答复']);
    const english = await visitor.request({ method: 'POST', url: `${PUBLIC_NOTICE}/objections?lang=en`, body: objection(1, { name: '', phone: '123' }), headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe('The objection cannot be sent: enter your name, the phone number is not valid (use an 11-digit mobile, or an area code and a landline)');
    expect((await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(3))).json().error.code).toBe('objection_case_unknown');
    expect(await app.db.selectFrom('objections').select('id').execute()).toEqual([]);
  });

  it('answers the author in the language they filed in, and each refusal in the caller’s', async () => {
    const { app, organizer } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    const visitor = new TestClient(app);
    const filed = await visitor.request({ method: 'POST', url: `${PUBLIC_NOTICE}/objections`, body: objection(1), headers: { 'accept-language': 'en' } });
    expect(filed.statusCode).toBe(201);
    const [only] = await app.db.selectFrom('objections').select('id').execute();
    await organizer.post(`${NOTICE}/objections/${only!.id}/outcome`, { status: 'dismissed', reason: '经核实不属实' });
    const mails = await app.db.selectFrom('mails').select(['template', 'subject']).where('template', 'in', ['objection_received', 'objection_resolved']).orderBy('created_at').execute();
    expect(mails.map((m) => [m.template, /[a-z]{4}/.test(m.subject)])).toEqual([['objection_received', true], ['objection_resolved', true]]);
    const early = await organizer.request({ method: 'POST', url: `${NOTICE}/finalize`, body: {}, headers: { 'accept-language': 'en' } });
    expect(early.json().error.message).toBe('The notice runs until 2026-12-07 23:59 (Beijing time); the final results can be confirmed after that.');
  });

  it('takes five accepted objections an hour from one person on one network; refused and repeated filings do not count', async () => {
    const { app, organizer } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    const visitor = new TestClient(app);
    const file = (i: number, n = 1, contact = {}) => visitor.post(`${PUBLIC_NOTICE}/objections`, objection(n, { body: `第 ${i} 次提出的异议，内容各不相同。`, ...contact }));
    // Typos first: a case number not on the list, four times. None uses up an objection.
    for (let i = 0; i < 4; i++) expect((await file(i, 99)).json().error.code).toBe('objection_case_unknown');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await file(i)).statusCode);
    // The fifth sent again after a dropped answer gets its reference back and counts no more.
    expect((await file(4)).statusCode).toBe(201);
    codes.push((await file(5)).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await file(6);
    expect([refused.json().error.code, refused.json().error.message, refused.headers['retry-after']])
      .toEqual(['objection_limit', '同一联系人在同一网络一小时内最多可提出 5 项异议，请 60 分钟后再提交。', '3600']);
    expect(await app.db.selectFrom('objections').select('id').execute()).toHaveLength(5);
    // The same e-mail with a +tag, in full-width letters or with a trailing dot is still the same person.
    for (const email of ['Zhang+1@Example.cn', 'ｚｈａｎｇ@example.cn', 'zhang@example.cn.']) {
      expect((await file(7, 1, { email })).json().error?.code).toBe('objection_limit');
    }
    // A colleague behind the same office address, giving the office's phone, is not held back by it.
    const colleague = await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1, { name: '李四', email: 'li@example.cn', body: '同一单位另一位同志提出的异议。' }));
    expect(colleague.statusCode).toBe(201);
    // Another address of the same IPv6 /64 is the same network; another address is not held back.
    const v6 = (host: string) => new TestClient(app).request({ method: 'POST', url: `${PUBLIC_NOTICE}/objections`, body: objection(1, { body: `从 ${host} 提出的异议内容。` }), remoteAddress: host });
    for (let i = 1; i <= 5; i++) expect((await v6(`2001:db8:1:2::${i}`)).statusCode).toBe(201);
    expect((await v6('2001:db8:1:2::ff')).json().error.code).toBe('objection_limit');
    const other = await new TestClient(app).request({ method: 'POST', url: `${PUBLIC_NOTICE}/objections`, body: objection(1, { body: '另一处网络提出的异议内容。' }), remoteAddress: '203.0.113.9' });
    expect(other.statusCode).toBe(201);
  });

  it('takes ten objections an hour from one network whoever files them, and says so in English', async () => {
    const { app, organizer } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    const visitor = new TestClient(app, { 'accept-language': 'en' });
    const file = (i: number) => visitor.post(`${PUBLIC_NOTICE}/objections`, objection(1, { name: `同志${i}`, email: `p${i}@example.cn`, body: `第 ${i} 位同志提出的异议内容。` }));
    for (let i = 0; i < OBJECTION_RATE.perNetwork; i++) expect((await file(i)).statusCode).toBe(201);
    const refused = await file(OBJECTION_RATE.perNetwork);
    expect([refused.statusCode, refused.json().error.code, refused.json().error.message])
      .toEqual([429, 'objection_network_limit', 'At most 10 objections an hour can be filed from one network; please file this one in 60 min.']);
    expect(await app.db.selectFrom('objections').select('id').execute()).toHaveLength(OBJECTION_RATE.perNetwork);
  });

  it('says when to try again once the flood guard refuses an address', async () => {
    const { app, organizer } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    const visitor = new TestClient(app);
    let last = await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(99));
    for (let i = 0; i < OBJECTION_RATE.requestsPerNetwork; i++) last = await visitor.post(`${PUBLIC_NOTICE}/objections`, objection(99));
    expect([last.statusCode, last.json().error.code, last.json().error.message, last.headers['retry-after']])
      .toEqual([429, 'rate_limited', '请求过于频繁，请 60 分钟后再试。', '3600']);
  });

  it('publishes only an accepted selection that meets its quotas, in the notice phase', async () => {
    const world = await selectionWorld({ best: 1, excellent: 1, categories: {}, provinceCap: null });
    const { organizer, app } = world;
    expect((await organizer.post(NOTICE, { body: '公示' })).json().error.code).toBe('phase_closed');
    await setPhase(app, 'notice');
    expect((await organizer.post(NOTICE, { body: '公示' })).json().error.code).toBe('notice_selection_unfinished');
    expect((await organizer.post(NOTICE, { body: ' ' })).json().error.code).toBe('notice_body_required');
    // The final phase comes only by finalizing.
    const jump = await organizer.post('/api/v1/campaigns/seventh-collection/phase', { to: 'final', reason: null });
    expect(jump.json().error.code).toBe('phase_finalize_required');
  });

  it('answers only the campaign’s organizers', async () => {
    const { app, organizer, cases } = await noticeWorld();
    await organizer.post(NOTICE, { body: '公示' });
    await new TestClient(app).post(`${PUBLIC_NOTICE}/objections`, objection(1));
    const [id] = (await app.db.selectFrom('objections').select('id').execute()).map((o) => o.id);
    await createOrganizerOfAnotherCampaign(app.db, 'other@example.cn');
    const clients = [await signedIn(app, 'other@example.cn'), await signedIn(app, cases.A.email), await signedIn(app, 'r1@example.cn')];
    for (const client of clients) {
      for (const res of [await client.get(NOTICE), await client.post(`${NOTICE}/finalize`, {}), await client.post(`${NOTICE}/objections/${id}/outcome`, { status: 'dismissed', reason: '越权' })]) {
        // Other campaigns' organizers as if it did not exist; units and reviewers at the gate.
        expect([[404, 'campaign_not_found'], [403, 'forbidden']]).toContainEqual([res.statusCode, res.json().error.code]);
      }
    }
    expect((await new TestClient(app).get(NOTICE)).statusCode).toBe(401);
    expect((await app.db.selectFrom('objections').select('status').executeTakeFirstOrThrow()).status).toBe('open');
  });
});
