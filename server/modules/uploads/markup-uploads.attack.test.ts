import { describe, expect, it } from 'vitest';
import { changeCampaign } from '../../testing/campaign-overrides.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { uploadFile } from '../../testing/tus.ts';

// No script marker, yet a document: it fetches from another host when opened.
const TRACKING_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="https://tracker.example/pixel.png" width="10" height="10"/></svg>';

describe(`a careless organizer's accept list (${testEngine()})`, () => {
  it('does not take an SVG into "image/*", which means pictures', async () => {
    const { app } = await createTestApp();
    const row = await app.db.selectFrom('campaigns').select('definition').executeTakeFirstOrThrow();
    const attachments = (JSON.parse(row.definition) as { attachments: { key: string; accept: string[] }[] }).attachments;
    await changeCampaign(app, { attachments: attachments.map((k) => (k.key === 'photos' ? { ...k, accept: ['image/*'] } : k)) });
    const { client, caseId } = await createDraftCase(app);
    const { patched } = await uploadFile(client, caseId, 'photos', '照片.svg', Buffer.from(TRACKING_SVG));
    const stored = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data as unknown[];
    // Before, it was kept (204) and listed.
    expect([patched!.statusCode, patched!.statusCode === 204 ? null : patched!.json().error.code, stored]).toEqual([415, 'file_type_not_allowed', []]);
  });
});
