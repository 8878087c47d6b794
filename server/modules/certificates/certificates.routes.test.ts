import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forgetCampaignVersions } from '../campaigns/campaigns.service.ts';
import { SYSTEM_FALLBACKS } from '../../documents/pdf-fonts.ts';
import { pdfStrings } from '../../documents/pdf-text.ts';
import { setPhase } from '../../testing/assignments.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp, TEST_BASE_URL } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';
import { testEngine } from '../../testing/test-database.ts';

const UNIT = '吉林省长春市朝阳区𠮷祥街道第一社区党委';
// 𠮷 is drawn from Debian's fonts-hanazono (.ci/run installs it). Where it is missing the PDF
// shows the font's empty glyph, which reads back as U+0000; the rest of the name must still be there.
const PRINTED_UNIT = SYSTEM_FALLBACKS.slice(0, 2).every((file) => existsSync(file)) ? UNIT : UNIT.replace('𠮷', '\u0000');
const TITLE = '“红色物业”让社区治理更有温度';
const SERIAL = 'ZJ7-0001-7K3M9QX2';
// 00:30 on 7 December in Beijing.
const FINALIZED = '2026-12-06T16:30:00.000Z';

// The page as a person reads it: tags dropped, entities decoded, white space collapsed.
const pageText = (html: string) => html.replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ')
  .replace(/&quot;/g, '"').replace(/&#x27;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** Unit A's case is a final best case; unit B's case was not chosen; the campaign is final. */
async function finalWorld() {
  const { app } = await createTestApp();
  const a = await createDraftCase(app, { email: 'a@example.cn', unitName: UNIT, title: TITLE });
  const b = await createDraftCase(app, { email: 'b@example.cn', unitName: '上海市浦东新区陆家嘴街道党工委' });
  const campaign = await app.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
  await createPerson(app.db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  await app.db.insertInto('final_results').values({ campaign_id: campaign.id, case_id: a.caseId, tier: 'best', serial: SERIAL, finalized_at: FINALIZED }).execute();
  await app.db.updateTable('campaigns').set({ phase: 'final', phase_changed_at: FINALIZED }).where('id', '=', campaign.id).execute();
  forgetCampaignVersions(app.db);
  return {
    app, a, b,
    reviewer: await signedIn(app, 'reviewer@example.cn'),
    organizer: await signedIn(app, 'organizer@example.cn'),
    stranger: new TestClient(app),
  };
}

const RESULT = (caseId: string) => ({
  tier: 'best', finalizedAt: FINALIZED, serial: SERIAL,
  certificateUrl: `/api/v1/cases/${caseId}/certificate.pdf`,
  verifyUrl: `${TEST_BASE_URL}/certificates/${SERIAL}`,
});

describe(`a unit's final result and its certificate (${testEngine()})`, () => {
  it('shows the unit and the organizers the result once final, and null before', async () => {
    const { app, a, b, organizer } = await finalWorld();
    expect((await a.client.get(`/api/v1/cases/${a.caseId}/result`)).json()).toEqual({ data: RESULT(a.caseId) });
    expect((await a.client.get(`/api/v1/cases/${a.caseId}/result?lang=en`)).json().data.verifyUrl).toBe(`${TEST_BASE_URL}/certificates/${SERIAL}?lang=en`);
    expect((await organizer.get(`/api/v1/cases/${a.caseId}/result`)).json()).toEqual({ data: RESULT(a.caseId) });
    // Left off the list is a result too, once final, for a case that was submitted.
    await app.db.updateTable('cases').set({ status: 'submitted' }).where('id', '=', b.caseId).execute();
    expect((await b.client.get(`/api/v1/cases/${b.caseId}/result`)).json()).toEqual({ data: { tier: 'none', finalizedAt: FINALIZED } });
    const none = await b.client.get(`/api/v1/cases/${b.caseId}/certificate.pdf`);
    expect([none.statusCode, none.json().error.code]).toEqual([404, 'not_found']);

    await setPhase(app, 'notice');
    expect((await a.client.get(`/api/v1/cases/${a.caseId}/result`)).json()).toEqual({ data: null });
    const pdf = await a.client.get(`/api/v1/cases/${a.caseId}/certificate.pdf`);
    expect([pdf.statusCode, pdf.json().error.code]).toEqual([404, 'not_found']);
  });

  it('answers another unit, a reviewer and a stranger as if the case did not exist', async () => {
    const { a, b, reviewer, stranger } = await finalWorld();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of ['result', 'certificate.pdf']) {
      const none = await b.client.get(`/api/v1/cases/${missing}/${path}`);
      expect([none.statusCode, none.json().error.code]).toEqual([404, 'not_found']);
      for (const other of [b.client, reviewer]) {
        const res = await other.get(`/api/v1/cases/${a.caseId}/${path}`);
        expect([res.statusCode, res.json().error]).toEqual([none.statusCode, none.json().error]);
      }
      const anonymous = await stranger.get(`/api/v1/cases/${a.caseId}/${path}`);
      expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, 'unauthenticated']);
    }
    // A case that was not chosen has no certificate.
    const unchosen = await b.client.get(`/api/v1/cases/${b.caseId}/certificate.pdf`);
    expect([unchosen.statusCode, unchosen.json().error.code]).toEqual([404, 'not_found']);
  });

  it('gives the unit its certificate as a PDF naming it, its case, the tier and the number, with the verification link', async () => {
    const { a } = await finalWorld();
    const res = await a.client.get(`/api/v1/cases/${a.caseId}/certificate.pdf`);
    expect([res.statusCode, res.headers['content-type'], res.headers['cache-control']]).toEqual([200, 'application/pdf', 'private, no-store']);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${a.caseId}.pdf"; filename*=UTF-8''${encodeURIComponent(`荣誉证书-${SERIAL}.pdf`)}`);
    const text = pdfStrings(res.rawPayload).join('\n');
    for (const shown of ['荣誉证书', TITLE, '在第七届全国基层党建创新典型案例征集活动中被评为', '最佳案例', `证书编号：${SERIAL}`, '中国浦东干部学院', '2026年12月7日']) expect(text).toContain(shown);
    expect(text.replace(/\n/g, '')).toContain(`${PRINTED_UNIT}：`);

    const en = pdfStrings((await a.client.get(`/api/v1/cases/${a.caseId}/certificate.pdf?lang=en`)).rawPayload).join('\n');
    for (const shown of ['Certificate of Honour', 'Best case', `Certificate no. ${SERIAL}`, 'China Executive Leadership Academy Pudong', '7 December 2026']) expect(en).toContain(shown);
  });
});

describe(`the public certificate verification page (${testEngine()})`, () => {
  it('confirms an issued certificate with what the platform recorded, in Chinese and in English', async () => {
    const { app } = await finalWorld();
    const zh = await app.inject({ url: `/certificates/${SERIAL}` });
    expect([zh.statusCode, zh.headers['content-type'], zh.headers['cache-control'], zh.headers['x-robots-tag']]).toEqual([200, 'text/html; charset=utf-8', 'no-store', 'noindex']);
    expect(zh.body).toContain('data-result="confirmed"');
    expect(pageText(zh.body)).toContain(`证书 ${SERIAL} 真实有效`);
    expect(pageText(zh.body)).toContain(`获奖单位 ${UNIT} 案例名称 ${TITLE} 等次 最佳案例 征集活动 第七届全国基层党建创新典型案例征集活动 结果确定日期 2026年12月7日 主办单位 中国浦东干部学院 人民日报社 人民网·中国共产党新闻网 中国组织人事报社 证书编号 ${SERIAL}`);

    const en = await app.inject({ url: `/certificates/${SERIAL}`, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect([en.statusCode, en.headers['content-language']]).toEqual([200, 'en']);
    expect(pageText(en.body)).toContain(`Certificate ${SERIAL} is genuine`);
    expect(pageText(en.body)).toContain(`Unit ${UNIT} Case title ${TITLE} Tier Best case Collection The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation Result final on 7 December 2026`);

    // A number typed by hand, in lower case with spaces, is the same certificate.
    const typed = await app.inject({ url: `/certificates?serial=${encodeURIComponent(' zj7 0001 7k3m9qx2 ')}` });
    expect([typed.statusCode, typed.body.includes('data-result="confirmed"')]).toEqual([200, true]);
  });

  it('refuses a forged number, an edited one, one of a campaign not final, and a mangled link, in the caller’s language', async () => {
    const { app } = await finalWorld();
    const refusal = async (url: string, lang?: string) => {
      const res = await app.inject({ url, headers: lang ? { 'accept-language': lang } : {} });
      const text = pageText(res.body);
      return { status: res.statusCode, refused: res.body.includes('data-result="refused"'), confirmed: res.body.includes('data-result="confirmed"'), leaks: [UNIT, TITLE].filter((s) => text.includes(s)), text, markup: res.body.includes('<b>') };
    };
    const forged = await refusal('/certificates/ZJ7-0042-ABCDEFGH');
    expect([forged.status, forged.refused, forged.confirmed, forged.leaks]).toEqual([404, true, false, []]);
    expect(forged.text).toContain('无法核验 征集平台没有签发编号为 ZJ7-0042-ABCDEFGH 的荣誉证书。这个链接或证书可能被伪造或改动过，请以主办单位公布的结果为准。');

    // One character of the number changed, and the tier's place changed.
    for (const edited of ['ZJ7-0001-7K3M9QX3', 'ZJ7-0002-7K3M9QX2', 'ZJ8-0001-7K3M9QX2']) {
      const res = await refusal(`/certificates/${edited}`, 'en');
      expect([res.status, res.refused, res.leaks]).toEqual([404, true, []]);
      expect(res.text).toContain(`Cannot verify The platform issued no certificate numbered ${edited}. The link or the certificate may have been forged or altered; rely on the results the organizers published.`);
    }

    const mangled = await refusal(`/certificates/${encodeURIComponent('ZJ7-0001-7K3M<b>')}`);
    expect([mangled.status, mangled.refused]).toEqual([400, true]);
    expect(mangled.text).toContain('“ZJ7-0001-7K3M<b>”不是荣誉证书编号。编号的样式为 ZJ7-0001-7K3M9QX2。');
    // What the link carried is shown as text, never as markup.
    expect(mangled.markup).toBe(false);

    await setPhase(app, 'notice');
    const early = await refusal(`/certificates/${SERIAL}`, 'en');
    expect([early.status, early.refused, early.confirmed, early.leaks]).toEqual([404, true, false, []]);
    expect(early.text).toContain(`The platform issued no certificate numbered ${SERIAL}.`);
  });

  it('allows 30 look-ups a minute per address', async () => {
    const { app } = await finalWorld();
    const codes: number[] = [];
    for (let i = 0; i < 31; i += 1) codes.push((await app.inject({ url: '/certificates/ZJ7-0042-ABCDEFGH', remoteAddress: '203.0.113.9' })).statusCode);
    expect(codes.filter((c) => c === 404)).toHaveLength(30);
    expect(codes.at(-1)).toBe(429);
  });
});
