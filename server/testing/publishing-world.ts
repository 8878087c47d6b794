import sharp from 'sharp';
import { forgetCampaignVersions } from '../modules/campaigns/campaigns.service.ts';
import { changeCampaign } from './campaign-overrides.ts';
import { attachRequiredFiles, attachStoredFile, completeContent, createDraftCase, saveContent } from './cases.ts';
import { SEVENTH } from './fixtures.ts';
import { createOrganizerOfAnotherCampaign, createPerson, signedIn } from './people.ts';
import { createTestApp } from './test-app.ts';
import { TestClient } from './test-client.ts';

export const copyUrl = (caseId: string) => `/api/v1/cases/${caseId}/public-copy`;
export const UNIT_NAME = '北京市朝阳区建外街道第一社区党委';

/** A real JPEG of the given size (a soft gradient, so a screenshot reads as a photo's place), as the upload's re-encoding leaves pictures. */
export async function jpeg(width: number, height: number, red = 200): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">`
    + `<stop offset="0" stop-color="rgb(${red},60,50)"/><stop offset="1" stop-color="rgb(250,200,120)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

/**
 * A submitted case that passed screening, with two photos, in a campaign that shows cases during
 * the collection; its organizer, a reviewer, an organizer of another campaign and a stranger.
 */
export async function publishingWorld(options: { title?: string } = {}) {
  const { app, setNow, database } = await createTestApp();
  const campaign = await app.db.selectFrom('campaigns').select('id').where('slug', '=', SEVENTH).executeTakeFirstOrThrow();
  await changeCampaign(app, { display: { duringCollection: true, pictureKinds: ['photos'] } });
  forgetCampaignVersions(app.db);
  const unit = await createDraftCase(app, { email: 'unit@example.cn', unitName: UNIT_NAME, title: options.title });
  await saveContent(unit.client, unit.caseId, completeContent(1200, options.title));
  const [form] = await attachRequiredFiles(app, unit.caseId);
  const photos = [];
  for (const [i, size] of [[800, 600], [600, 900]].entries()) {
    const bytes = await jpeg(size[0]!, size[1]!, 100 + i);
    const stored = await attachStoredFile(app, unit.caseId, 'photos', `照片${i + 1}.jpg`, bytes, 'image/jpeg');
    await app.db.updateTable('attachments').set({ width: size[0]!, height: size[1]! }).where('id', '=', stored.id).execute();
    photos.push(stored.id);
  }
  const submitted = await unit.client.post(`/api/v1/cases/${unit.caseId}/submit`, { requestKey: crypto.randomUUID() });
  if (submitted.statusCode !== 201) throw new Error(`submission failed: ${submitted.body}`);
  await app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', unit.caseId).execute();
  await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId: campaign.id }] });
  await createPerson(app.db, { email: 'reviewer@example.cn', grants: [{ role: 'reviewer', campaignId: campaign.id }] });
  await createOrganizerOfAnotherCampaign(app.db, 'other@example.cn');
  return {
    app, setNow, database, campaignId: campaign.id, caseId: unit.caseId, photos, formId: form!.id,
    unit: unit.client,
    organizer: await signedIn(app, 'organizer@example.cn'),
    reviewer: await signedIn(app, 'reviewer@example.cn'),
    otherOrganizer: await signedIn(app, 'other@example.cn'),
    stranger: new TestClient(app),
  };
}

export type PublishingWorld = Awaited<ReturnType<typeof publishingWorld>>;

/** Makes the copy and publishes it; returns its public id and path. */
export async function publishCopy(w: Pick<PublishingWorld, 'organizer' | 'caseId'>, edit: Record<string, unknown> = {}) {
  const created = (await w.organizer.post(copyUrl(w.caseId))).json().data.copy;
  let version = created.version as number;
  if (Object.keys(edit).length > 0) {
    const res = await w.organizer.put(copyUrl(w.caseId), {
      version, title: created.title, unitName: created.unitName, summary: created.summary, sections: created.sections, photoIds: [], ...edit,
    });
    if (res.statusCode !== 200) throw new Error(`edit failed: ${res.body}`);
    version = res.json().data.copy.version;
  }
  const published = await w.organizer.post(`${copyUrl(w.caseId)}/publish`, { version });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
  const copy = published.json().data.copy;
  return { publicId: copy.publicId as string, path: copy.path as string, version: copy.version as number };
}
