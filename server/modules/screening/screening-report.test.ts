import { rmSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { preflight } from '../../../core/case/preflight.ts';
import type { Database } from '../../db/schema.ts';
import { blobPath } from '../../storage/blob-store.ts';
import { localStorage } from '../../storage/file-storage.ts';
import { createSubmittedCase } from '../../testing/cases.ts';
import { AFTER_WINDOW, SEVENTH } from '../../testing/fixtures.ts';
import { createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { getCampaign, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { contentSha256 } from '../cases/content-hash.ts';
import { ensureFormatReports } from './screening-report.service.ts';
import { listSubmissionsToReport, listUnitFacts, listUnreportedSubmissionIds } from './screening.repository.ts';

type File = { kind: string; fileName: string; sha256: string; size: number };

/**
 * The reports as they were made before batching (decision 0040): one version at a time, its
 * files checked one by one. The batched pass must write exactly these rows.
 */
async function reportsOneByOne(db: Kysely<Database>, campaign: StoredCampaign, readable: AttachmentCheck, now: Date) {
  const ids = await listUnreportedSubmissionIds(db, campaign.id, campaign.definitionVersion);
  const rows = [];
  for (const s of await listSubmissionsToReport(db, campaign.id, campaign.definitionVersion, ids)) {
    const doc = JSON.parse(s.content) as CaseContent;
    const content: CaseContent = { title: doc.title, category: doc.category, keywords: doc.keywords, summary: doc.summary, sections: doc.sections };
    const [unit] = await listUnitFacts(db, [s.organization_id]);
    const attachments = [];
    for (const f of JSON.parse(s.attachments) as File[]) attachments.push({ kind: f.kind, fileName: f.fileName, readable: await readable(f) });
    const problems = preflight({
      campaign: campaign.definition, content, attachments, recommendation: 'recommended',
      unit: {
        address: unit?.address ?? null, contactName: unit?.contact_name ?? null, contactPhone: unit?.contact_phone ?? null,
        contactEmail: unit?.contact_email ?? null, superiorName: s.superior_name || unit?.superior_name || null,
      },
    });
    rows.push({
      submission_id: s.submission_id, case_id: s.case_id, campaign_id: campaign.id, category: content.category ?? '',
      content_sha256: contentSha256(campaign.definition.slug, s.case_id, content), problems: JSON.stringify(problems),
      problem_count: problems.length, definition_version: campaign.definitionVersion, checked_at: now.toISOString(),
    });
  }
  return rows;
}

const reports = (db: Kysely<Database>) => db.selectFrom('screening_reports').selectAll().orderBy('submission_id').execute();
const codes = async (db: Kysely<Database>, submissionId: string) => {
  const row = await db.selectFrom('screening_reports').select('problems').where('submission_id', '=', submissionId).executeTakeFirstOrThrow();
  return (JSON.parse(row.problems) as { code: string }[]).map((p) => p.code);
};

/** Six submitted cases: two whole, and four with a fault of the file, the unit or the text. */
async function world(options: Parameters<typeof createTestApp>[0] = {}) {
  const test = await createTestApp(options);
  const { app, dataDir } = test;
  const db = test.database.db;
  const good = await createSubmittedCase(app, { title: '红色物业暖民心' });
  const sharing = await createSubmittedCase(app, { title: '共用文件的案例' });
  const missing = await createSubmittedCase(app, { title: '文件丢失的案例' });
  const truncated = await createSubmittedCase(app, { title: '文件不完整的案例' });
  const noUnit = await createSubmittedCase(app, { title: '单位信息缺失的案例' });
  const untitled = await createSubmittedCase(app, { title: '标题被清空的案例' });
  const filesOf = async (submissionId: string) =>
    JSON.parse((await db.selectFrom('case_submissions').select('attachments').where('id', '=', submissionId).executeTakeFirstOrThrow()).attachments) as File[];
  // The same bytes in two cases are checked once and count for both: `sharing` holds the good
  // case's form and the missing case's sealed scan.
  const [goodForm] = await filesOf(good.submissionId);
  const [, missingScan] = await filesOf(missing.submissionId);
  const [, sharingScan] = await filesOf(sharing.submissionId);
  await db.updateTable('case_submissions').set({ attachments: JSON.stringify([goodForm, { ...missingScan!, kind: sharingScan!.kind }]) })
    .where('id', '=', sharing.submissionId).execute();
  rmSync(blobPath(dataDir, missingScan!.sha256));
  const [truncatedForm] = await filesOf(truncated.submissionId);
  writeFileSync(blobPath(dataDir, truncatedForm!.sha256), 'short');
  await db.updateTable('organizations').set({ address: ' ' }).where('id', '=', noUnit.organizationId).execute();
  const content = await db.selectFrom('case_submissions').select('content').where('id', '=', untitled.submissionId).executeTakeFirstOrThrow();
  await db.updateTable('case_submissions').set({ content: JSON.stringify({ ...JSON.parse(content.content), title: '  ' }) }).where('id', '=', untitled.submissionId).execute();
  await db.updateTable('campaigns').set({ phase: 'screening' }).execute();
  test.setNow(AFTER_WINDOW);
  const campaign = await getCampaign(db, SEVENTH);
  return { ...test, db, campaign, cases: { good, sharing, missing, truncated, noUnit, untitled } };
}

describe(`format reports of a campaign's submitted versions (${testEngine()})`, () => {
  it('writes for good and faulty cases exactly the reports the one-by-one pass made', async () => {
    const { app, db, campaign, cases } = await world();
    const expected = await reportsOneByOne(db, campaign, app.storage.has, AFTER_WINDOW);
    expect(expected).toHaveLength(6);
    await ensureFormatReports(db, campaign, app.storage.has, AFTER_WINDOW);
    expect(await reports(db)).toEqual(expected);
    expect(await codes(db, cases.good.submissionId)).toEqual([]);
    expect(await codes(db, cases.sharing.submissionId)).toEqual(['attachment_unreadable']);
    expect(await codes(db, cases.missing.submissionId)).toEqual(['attachment_unreadable']);
    expect(await codes(db, cases.truncated.submissionId)).toEqual(['attachment_unreadable']);
    expect(await codes(db, cases.noUnit.submissionId)).toEqual(['unit_incomplete']);
    expect(await codes(db, cases.untitled.submissionId)).toEqual(['title_missing']);
  });

  it('checks each distinct file once', async () => {
    const { app, db, campaign } = await world();
    const checked: string[] = [];
    await ensureFormatReports(db, campaign, async (f) => { checked.push(f.sha256); return app.storage.has(f); }, AFTER_WINDOW);
    // Six cases of two files each, two of them shared with another case.
    expect(checked).toHaveLength(10);
    expect(new Set(checked).size).toBe(10);
  });

  it('works the reports out again under a changed definition, and an instance behind it leaves them alone', async () => {
    const { app, db, campaign, cases } = await world();
    await ensureFormatReports(db, campaign, app.storage.has, AFTER_WINDOW);
    const def = campaign.definition;
    const changed: StoredCampaign = { ...campaign, definitionVersion: campaign.definitionVersion + 1, definition: { ...def, caseStyle: { ...def.caseStyle, summaryMaxChars: 10 } } };
    const later = new Date(AFTER_WINDOW.getTime() + 60_000);
    const expected = (await reportsOneByOne(db, changed, app.storage.has, later));
    expect(expected).toHaveLength(6);
    await ensureFormatReports(db, changed, app.storage.has, later);
    expect(await reports(db)).toEqual(expected);
    expect(await codes(db, cases.good.submissionId)).toEqual(['summary_over']);
    // A request still holding the old definition ends and keeps the newer reports.
    await ensureFormatReports(db, campaign, app.storage.has, new Date(later.getTime() + 60_000));
    expect(await reports(db)).toEqual(expected);
  });

  it('writes one report per version when several organizers open their pages at once', async () => {
    // Every pass finds the versions unreported and checks their files before any writes: the
    // file checks wait until all PASSES passes have asked for all their files, so each one then
    // writes the same reports, whatever the order the engine runs them in.
    const PASSES = 10;
    const FILES = 10;
    let asked = 0;
    let open: () => void = () => undefined;
    const allAsked = new Promise<void>((resolve) => { open = resolve; });
    const { app, db, campaign } = await world({
      storage: (dataDir) => {
        const store = localStorage(dataDir);
        return {
          ...store,
          has: async (blob) => {
            if (++asked === PASSES * FILES) open();
            await allAsked;
            return store.has(blob);
          },
        };
      },
    });
    await createPerson(db, { email: 'a@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    await createPerson(db, { email: 'b@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
    const organizers = [await signedIn(app, 'a@example.cn'), await signedIn(app, 'b@example.cn')];
    const base = `/api/v1/campaigns/${SEVENTH}`;
    const pages = [`${base}/screening`, `${base}/progress`, `${base}/screening?flags=preflight`, `${base}/progress`, `${base}/screening`, `${base}/screening?sort=title`];
    const answers = await Promise.all([
      ...pages.map((page, i) => organizers[i % 2]!.get(page)),
      // And the pass itself on the app's pool (separate connections on PostgreSQL).
      ...Array.from({ length: PASSES - pages.length }, () => ensureFormatReports(db, campaign, app.storage.has, AFTER_WINDOW).then(() => ({ statusCode: 200, body: '' }))),
    ]);
    expect(answers.map((a) => (a.statusCode === 200 ? 'ok' : a.body))).toEqual(Array(PASSES).fill('ok'));
    expect(asked).toBe(PASSES * FILES);
    // The reports the one-by-one pass makes (asked as if under the next definition, so it sees them all).
    const expected = (await reportsOneByOne(db, { ...campaign, definitionVersion: campaign.definitionVersion + 1 }, app.storage.has, AFTER_WINDOW))
      .map((r) => ({ ...r, definition_version: campaign.definitionVersion }));
    expect(await reports(db)).toEqual(expected);
    const queue = (await organizers[0]!.get(`${base}/screening?flags=preflight`)).json() as { total: number };
    expect(queue.total).toBe(5);
  });
});
