import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createOrganizerOfAnotherCampaign, signedIn } from '../../testing/people.ts';
import { NOTICE, noticeWorld, objection, PUBLIC_NOTICE, PUBLISHED } from '../../testing/notice-world.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';
import { TUS, tusMetadata } from '../../testing/tus.ts';

// A reviewer's attack on the public notice (issue 15 item 3): outsiders and hostile insiders
// against publishing, objections, outcomes, finalizing and evidence tokens.

const OBJECT = `${PUBLIC_NOTICE}/objections`;
const HAN = /\p{Script=Han}/u;

/** A visitor from its own address, so the five-an-hour limit of one test does not spill into another's cases. */
let ipSeq = 10;
function visitorFrom(app: FastifyInstance, headers: Record<string, string> = {}): TestClient {
  const ip = `203.0.113.${ipSeq++}`;
  const proxy = { inject: (opts: Record<string, unknown>) => app.inject({ ...opts, remoteAddress: ip } as never) } as unknown as FastifyInstance;
  return new TestClient(proxy, headers);
}

async function published() {
  const world = await noticeWorld();
  expect((await world.organizer.post(NOTICE, { body: '现将拟推荐名单予以公示。' })).statusCode).toBe(200);
  return world;
}

describe(`the public notice under attack (${testEngine()})`, () => {
  it('lets no unit, reviewer, other organizer or stranger publish, nor read an evidence file', async () => {
    const { app, cases } = await noticeWorld();
    await createOrganizerOfAnotherCampaign(app.db, 'other@example.cn');
    const clients = [await signedIn(app, 'other@example.cn'), await signedIn(app, cases.A.email), await signedIn(app, 'r1@example.cn')];
    for (const client of clients) {
      const res = await client.request({ method: 'POST', url: NOTICE, body: { body: '越权公示' }, headers: { 'accept-language': 'en' } });
      expect([[404, 'campaign_not_found'], [403, 'forbidden']]).toContainEqual([res.statusCode, res.json().error.code]);
      expect(res.json().error.message).not.toMatch(HAN);
      const file = await client.get(`${NOTICE}/objections/x/files/y`);
      expect([404, 403]).toContain(file.statusCode);
    }
    const stranger = visitorFrom(app);
    expect((await stranger.post(NOTICE, { body: '越权公示' })).statusCode).toBe(401);
    expect((await stranger.post(`${NOTICE}/finalize`, {})).statusCode).toBe(401);
    expect(await app.db.selectFrom('notices').select('campaign_id').execute()).toEqual([]);
  });

  it('publishes no case id, province, objection or contact to the public', async () => {
    const { app, cases } = await published();
    const visitor = visitorFrom(app);
    expect((await visitor.post(OBJECT, objection(1, { phone: '13987654321', email: 'secret.person@example.cn', body: '这是一条秘密的异议内容，不应公开。' }))).statusCode).toBe(201);
    const res = await visitor.get(PUBLIC_NOTICE);
    expect(res.statusCode).toBe(200);
    const text = res.payload;
    for (const c of Object.values(cases)) expect(text).not.toContain(c.caseId);
    for (const secret of ['13987654321', 'secret.person', '秘密的异议', '张𠮷', 'objections', 'caseId', 'province', 'publishedBy', 'organizer@']) expect(text).not.toContain(secret);
    expect(Object.keys(res.json().data.entries[0]).sort()).toEqual(['category', 'certificate', 'n', 'tier', 'title', 'unitName']);
    // No certificate before the results are final.
    expect(res.json().data.entries.map((e: { certificate: unknown }) => e.certificate)).toEqual([null, null]);
    // Another campaign's slug, or one too long, answers not found / bad request, never 500.
    expect((await visitor.get('/api/v1/public/campaigns/no-such/notice')).statusCode).toBe(404);
    expect((await visitor.get(`/api/v1/public/campaigns/${'x'.repeat(65)}/notice`)).statusCode).toBe(400);
  });

  it('refuses a case number that is zero, negative, fractional, a string or absent, and does not know a huge one', async () => {
    const { app } = await published();
    for (const n of [0, -1, 1.5, '1', null, true, [1]]) {
      const res = await visitorFrom(app).post(OBJECT, objection(1, { n }));
      expect([n, res.statusCode]).toEqual([n, 400]);
    }
    // Undefined is left out of the JSON: no n at all.
    expect((await visitorFrom(app).post(OBJECT, objection(1, { n: undefined }))).statusCode).toBe(400);
    for (const n of [3, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e300]) {
      const res = await visitorFrom(app, { 'accept-language': 'en' }).post(OBJECT, objection(1, { n }));
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(['objection_case_unknown', 'invalid_request']).toContain(res.json().error.code);
      expect(res.json().error.message).not.toMatch(HAN);
    }
    expect(await app.db.selectFrom('objections').select('id').execute()).toEqual([]);
  });

  it('refuses control characters, lone surrogates, noncharacters and oversized fields; keeps HTML as plain text', async () => {
    const { app, organizer } = await published();
    const bad: Record<string, unknown>[] = [
      { name: '张\u0007三' }, { organization: '某单位\u0000' }, { body: '异议内容\ud800足够长的文字。' }, { body: '异议内容\ufffe足够长的文字。' },
      { email: 'a\u0085@example.cn' }, { phone: '139\u001b12345678' },
      { body: '长'.repeat(100_000) }, { name: 'x'.repeat(100_000) }, { body: '长'.repeat(2001) }, { name: '名'.repeat(51) }, { organization: '单'.repeat(101) },
      { body: '太短' }, { name: '   ' }, { body: 123 }, { name: null }, { email: ['a@example.cn'] },
    ];
    for (const extra of bad) {
      const res = await visitorFrom(app, { 'accept-language': 'en' }).post(OBJECT, objection(1, extra));
      expect([Object.keys(extra)[0], res.statusCode]).toEqual([Object.keys(extra)[0], 400]);
      expect(res.json().error.message).not.toMatch(HAN);
    }
    expect(await app.db.selectFrom('objections').select('id').execute()).toEqual([]);
    const html = '<script>alert(1)</script><img src=x onerror=alert(2)>该案例数据有误。';
    const name = '<b>张三</b>';
    expect((await visitorFrom(app).post(OBJECT, objection(1, { body: html, name, organization: '"><svg onload=alert(3)>' }))).statusCode).toBe(201);
    const [stored] = (await organizer.get(NOTICE)).json().data.objections;
    expect([stored.body, stored.authorName]).toEqual([html, name]);
    // The organizers' routed mail carries nothing the visitor typed unescaped.
    const mails = await app.db.selectFrom('mails').select(['html_body', 'subject']).where('template', 'like', 'objection_%').execute();
    for (const m of mails) {
      expect(m.html_body ?? '').not.toContain('<script>');
      expect(m.html_body ?? '').not.toContain('<svg');
      expect(m.subject).not.toMatch(/[\r\n]/);
    }
  });

  it('sends the acknowledgement to no header-injected address', async () => {
    const { app } = await published();
    for (const email of ['a@example.cn\r\nBcc: evil@example.cn', 'a@example.cn\nBcc:evil@example.cn', 'a@example.cn b@example.cn', 'a@example.cn,evil@example.cn', 'a@example.cn;evil@example.cn', `${'a'.repeat(250)}@example.cn`]) {
      const res = await visitorFrom(app).post(OBJECT, objection(1, { email }));
      expect([email, res.statusCode]).toEqual([email, 400]);
    }
    expect(await app.db.selectFrom('mails').select('to_email').where('template', '=', 'objection_received').execute()).toEqual([]);
  });

  it('keeps an objection to a case already taken off by an upheld one answerable, and refuses a second outcome', async () => {
    const { app, organizer } = await published();
    expect((await visitorFrom(app).post(OBJECT, objection(1))).statusCode).toBe(201);
    const [first] = (await organizer.get(NOTICE)).json().data.objections;
    expect((await organizer.post(`${NOTICE}/objections/${first.id}/outcome`, { status: 'upheld', tier: 'none', reason: '经核实，撤出名单。' })).statusCode).toBe(200);
    // The same form sent again once it is resolved is refused, not "received" again.
    const resent = await visitorFrom(app).post(OBJECT, objection(1));
    expect([resent.statusCode, resent.json().error.code]).toEqual([409, 'objection_resolved']);
    // The published list is kept as it was: case 1 is still on it and may still be objected to.
    const again = await visitorFrom(app).post(OBJECT, objection(1, { body: '另一条针对该案例的异议，内容不同。' }));
    expect(again.statusCode).toBe(201);
    const second = (await organizer.get(NOTICE)).json().data.objections.find((o: { id: string }) => o.id !== first.id);
    expect(second.currentTier).toBe('none');
    const removeAgain = await organizer.request({ method: 'POST', url: `${NOTICE}/objections/${second.id}/outcome`, body: { status: 'upheld', tier: 'none', reason: '再撤一次' }, headers: { 'accept-language': 'en' } });
    expect([removeAgain.statusCode, removeAgain.json().error.code]).toEqual([400, 'objection_tier_unchanged']);
    expect(removeAgain.json().error.message).not.toMatch(HAN);
    expect((await organizer.post(`${NOTICE}/objections/${second.id}/outcome`, { status: 'dismissed', reason: '已另案处理。' })).statusCode).toBe(200);
  });

  it('refuses unknown objection ids, a malformed outcome, and ignores a tier on a dismissal', async () => {
    const { app, organizer, cases } = await published();
    expect((await visitorFrom(app).post(OBJECT, objection(1))).statusCode).toBe(201);
    const [obj] = (await organizer.get(NOTICE)).json().data.objections;
    const en = (url: string, body: unknown) => organizer.request({ method: 'POST', url, body, headers: { 'accept-language': 'en' } });
    for (const id of ['nope', "' OR 1=1 --", '%00', obj.id.toUpperCase() === obj.id ? `${obj.id}x` : obj.id.toUpperCase()]) {
      const res = await en(`${NOTICE}/objections/${encodeURIComponent(id)}/outcome`, { status: 'dismissed', reason: '不存在' });
      expect([id, res.statusCode, res.json().error.code]).toEqual([id, 404, 'objection_not_found']);
      expect(res.json().error.message).not.toMatch(HAN);
    }
    expect((await en(`${NOTICE}/objections/${'x'.repeat(65)}/outcome`, { status: 'dismissed', reason: '太长' })).statusCode).toBe(400);
    for (const body of [
      { status: 'upheld', reason: '缺少等次' }, { status: 'open', reason: '回到开放' }, { status: 'upheld', tier: 'gold', reason: '金奖' },
      { status: 'dismissed' }, { status: 'dismissed', reason: 5 }, { status: 'dismissed', reason: '理由\u0007' }, {},
    ]) {
      const res = await en(`${NOTICE}/objections/${obj.id}/outcome`, body);
      expect([body, res.statusCode]).toEqual([body, 400]);
      expect(res.json().error.message).not.toMatch(HAN);
    }
    const long = await en(`${NOTICE}/objections/${obj.id}/outcome`, { status: 'dismissed', reason: '理'.repeat(501) });
    expect([long.statusCode, long.json().error.code]).toEqual([400, 'objection_reason_too_long']);
    expect(long.json().error.message).not.toMatch(HAN);
    const blank = await en(`${NOTICE}/objections/${obj.id}/outcome`, { status: 'dismissed', reason: ' \n\t ' });
    expect(blank.json().error.code).toBe('objection_reason_required');
    expect(blank.json().error.message).not.toMatch(HAN);
    // A tier smuggled into a dismissal changes nothing.
    const dismissed = await en(`${NOTICE}/objections/${obj.id}/outcome`, { status: 'dismissed', tier: 'none', reason: '不成立。' });
    expect(dismissed.statusCode).toBe(200);
    expect(dismissed.json().data.objections[0]).toMatchObject({ status: 'dismissed', outcomeTier: null, currentTier: 'best' });
    expect((await app.db.selectFrom('selection_decisions').select('tier').where('case_id', '=', cases.A.caseId).executeTakeFirstOrThrow()).tier).toBe('best');
    const twice = await en(`${NOTICE}/objections/${obj.id}/outcome`, { status: 'upheld', tier: 'none', reason: '改判' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'objection_resolved']);
    expect(twice.json().error.message).not.toMatch(HAN);
  });

  it('lets another campaign’s organizer neither resolve nor see this campaign’s objections', async () => {
    const { app, organizer } = await published();
    expect((await visitorFrom(app).post(OBJECT, objection(1))).statusCode).toBe(201);
    const [obj] = (await organizer.get(NOTICE)).json().data.objections;
    await createOrganizerOfAnotherCampaign(app.db, 'other@example.cn');
    const other = await signedIn(app, 'other@example.cn');
    // This campaign's objection id, through this campaign's slug: as if the campaign did not exist, in English.
    const res = await other.request({ method: 'POST', url: `${NOTICE}/objections/${obj.id}/outcome`, body: { status: 'upheld', tier: 'none', reason: '越权撤销' }, headers: { 'accept-language': 'en' } });
    expect([res.statusCode, res.json().error.code]).toEqual([404, 'campaign_not_found']);
    expect(res.json().error.message).not.toMatch(HAN);
    const read = await other.get(NOTICE);
    expect(read.statusCode).toBe(404);
    expect(read.payload).not.toContain('zhang@example.cn');
    expect(read.payload).not.toContain('13912345678');
    const file = await other.get(`${NOTICE}/objections/${obj.id}/files/whatever`);
    expect(file.statusCode).toBe(404);
    expect((await app.db.selectFrom('objections').select('status').executeTakeFirstOrThrow()).status).toBe('open');
  });

  it('takes no objection before publishing, after the end or after the final results, and says so in English', async () => {
    const { app, organizer, setNow } = await noticeWorld();
    const before = await visitorFrom(app, { 'accept-language': 'en' }).post(OBJECT, objection(1));
    expect(before.json().error.code).toBe('notice_not_published');
    expect(before.json().error.message).not.toMatch(HAN);
    const unpublished = await visitorFrom(app, { 'accept-language': 'en' }).get(PUBLIC_NOTICE);
    expect([unpublished.statusCode, unpublished.json().error.code]).toEqual([404, 'notice_not_published']);
    expect(unpublished.json().error.message).not.toMatch(HAN);

    const en = (url: string, body: unknown = {}) => organizer.request({ method: 'POST', url, body, headers: { 'accept-language': 'en' } });
    for (const [body, code] of [[{ body: ' ' }, 'notice_body_required'], [{ body: '长'.repeat(5001) }, 'notice_body_too_long']] as const) {
      const res = await en(NOTICE, body);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).not.toMatch(HAN);
    }
    for (const days of [0, -1, 31, 1.5, '7']) expect((await en(NOTICE, { body: '公示', days })).statusCode).toBe(400);
    const unpublishedFinal = await en(`${NOTICE}/finalize`);
    expect(unpublishedFinal.json().error.code).toBe('notice_not_published');
    expect(unpublishedFinal.json().error.message).not.toMatch(HAN);

    expect((await en(NOTICE, { body: '公示', days: 1 })).statusCode).toBe(200);
    const twice = await en(NOTICE, { body: '再发' });
    expect(twice.json().error.code).toBe('notice_already_published');
    expect(twice.json().error.message).not.toMatch(HAN);
    const running = await en(`${NOTICE}/finalize`);
    expect([running.statusCode, running.json().error.code]).toEqual([409, 'notice_running']);
    expect(running.json().error.message).toMatch(/^The notice runs until 2026-12-01 23:59 /);

    expect((await visitorFrom(app).post(OBJECT, objection(2))).statusCode).toBe(201);
    // One day from 10:00 on 1 December in Beijing: until midnight, not one millisecond after.
    setNow(new Date('2026-12-01T15:59:59.999Z'));
    expect((await visitorFrom(app).post(OBJECT, objection(1))).statusCode).toBe(201);
    setNow(new Date('2026-12-01T16:00:00.000Z'));
    const after = await visitorFrom(app, { 'accept-language': 'en' }).post(OBJECT, objection(1, { body: '结束后提交的异议内容。' }));
    expect(after.json().error.code).toBe('notice_not_running');
    expect(after.json().error.message).not.toMatch(HAN);

    const open = await en(`${NOTICE}/finalize`);
    expect(open.json().error.code).toBe('notice_objections_open');
    expect(open.json().error.message).not.toMatch(HAN);
    for (const o of (await organizer.get(NOTICE)).json().data.objections) {
      expect((await en(`${NOTICE}/objections/${o.id}/outcome`, { status: 'dismissed', reason: '不成立。' })).statusCode).toBe(200);
    }
    // Two finalizations at once: one wins, the other is told it is final already.
    const both = await Promise.all([en(`${NOTICE}/finalize`), en(`${NOTICE}/finalize`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = both.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('notice_already_final');
    expect(loser.json().error.message).not.toMatch(HAN);
    expect(await app.db.selectFrom('final_results').select('case_id').execute()).toHaveLength(2);
    expect(await app.db.selectFrom('mails').select('id').where('template', '=', 'campaign_result').execute()).toHaveLength(4);

    const final = await visitorFrom(app, { 'accept-language': 'en' }).post(OBJECT, objection(1, { body: '定案后提交的异议内容。' }));
    expect(final.statusCode).toBeGreaterThanOrEqual(400);
    expect(final.statusCode).toBeLessThan(500);
    expect(final.json().error.message).not.toMatch(HAN);
    const publishFinal = await en(NOTICE, { body: '再公示' });
    expect(publishFinal.statusCode).toBe(409);
    expect((await visitorFrom(app).get(PUBLIC_NOTICE)).json().data.stage).toBe('finalized');
    expect(PUBLISHED.toISOString()).toBe('2026-12-01T02:00:00.000Z');
  });

  it('takes evidence only with the token of that very objection', async () => {
    const { app } = await published();
    const v1 = visitorFrom(app);
    const v2 = visitorFrom(app);
    const a = (await v1.post(OBJECT, objection(1))).json().data.evidence;
    const b = (await v2.post(OBJECT, objection(2, { body: '另一件异议，针对第二个案例的内容。' }))).json().data.evidence;
    const start = (client: TestClient, objectionId: string, token: string) => client.request({
      method: 'POST', url: '/api/v1/uploads',
      headers: { ...TUS, 'upload-length': '1000', 'upload-metadata': tusMetadata({ objectionId, filename: 'x.pdf' }), 'zhengji-upload-token': token },
    });
    for (const [id, token] of [[b.objectionId, a.token], [a.objectionId, b.token], [a.objectionId, ''], [a.objectionId, `${a.token}x`], ['nope', a.token]]) {
      const res = await start(v1, id, token);
      // No token at all is no credential (401); a wrong one is not found, whichever objection it names.
      expect([id, token === '' ? 401 : 404]).toEqual([id, res.statusCode]);
    }
    // A second filing of the same objection replaces the token: the first no longer works.
    const again = (await v1.post(OBJECT, objection(1))).json().data.evidence;
    expect(again.objectionId).toBe(a.objectionId);
    expect((await start(v1, a.objectionId, a.token)).statusCode).toBe(404);
    expect((await start(v1, a.objectionId, again.token)).statusCode).toBe(201);
    expect(await app.db.selectFrom('uploads').select('objection_id').execute()).toEqual([{ objection_id: a.objectionId }]);
    // Someone else who copies the words and the contact but not the author gets an objection of
    // their own, not this one and a token that would replace its author's.
    const copied = (await visitorFrom(app).post(OBJECT, objection(1, { name: '王冒名' }))).json().data.evidence;
    expect(copied.objectionId).not.toBe(a.objectionId);
    expect((await start(v1, a.objectionId, again.token)).statusCode).toBe(201);
  });
});
