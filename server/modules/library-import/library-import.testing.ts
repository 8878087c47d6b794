import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createDraftCase } from '../../testing/cases.ts';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createOrganizerOfAnotherCampaign, createPerson, signedIn } from '../../testing/people.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { TestClient } from '../../testing/test-client.ts';

/** The documented sample file (docs/fixtures): three cases of the sixth collection. */
export const SAMPLE = readFileSync(new URL('../../../docs/fixtures/earlier-editions.sample.json', import.meta.url));
export type SampleRow = Record<string, string | number>;
export const sampleRows = (): SampleRow[] => (JSON.parse(SAMPLE.toString('utf8')) as { cases: SampleRow[] }).cases;
export const importUrl = (dryRun: boolean, slug = SEVENTH) => `/api/v1/campaigns/${slug}/earlier-editions/import?dryRun=${dryRun}&name=sample.json`;

/** The seventh collection with its organizer, a reviewer, a unit, an organizer of another campaign and a stranger. */
export async function importWorld() {
  const { app, setNow } = await createTestApp();
  const campaign = await app.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  await createPerson(app.db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createOrganizerOfAnotherCampaign(app.db, 'other@example.cn');
  const unit = await createDraftCase(app, { email: 'unit@example.cn' });
  return {
    app, setNow, campaignId: campaign.id, unitCaseId: unit.caseId,
    organizer: await signedIn(app, 'organizer@example.cn'),
    reviewer: await signedIn(app, 'reviewer@example.cn'),
    otherOrganizer: await signedIn(app, 'other@example.cn'),
    unit: unit.client,
    stranger: new TestClient(app),
  };
}

export function upload(client: TestClient, body: Buffer, options: { dryRun?: boolean; lang?: string; slug?: string } = {}) {
  const url = `${importUrl(options.dryRun ?? true, options.slug)}${options.lang ? `&lang=${options.lang}` : ''}`;
  return client.request({ method: 'POST', url, body, headers: { 'content-type': 'application/octet-stream' } });
}

export const json = (rows: SampleRow[]) => Buffer.from(JSON.stringify({ cases: rows }));

/** An .xlsx of `rows` under `headers`, as Excel saves one. */
export async function xlsx(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('案例');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
