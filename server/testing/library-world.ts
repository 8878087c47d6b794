import { attachRequiredFiles, completeContent, createDraftCase, saveContent } from './cases.ts';
import { publishCopy, publishingWorld, type PublishingWorld } from './publishing-world.ts';

// The case library's tests and screenshots: published cases from several provinces and categories.

/** The publishing world without its stand-in second campaign (a bare row, no definition), which no public list could read. */
export async function libraryWorld(): Promise<PublishingWorld> {
  const w = await publishingWorld();
  await w.app.db.deleteFrom('role_grants').where('campaign_id', '=', 'c8').execute();
  await w.app.db.deleteFrom('campaigns').where('id', '=', 'c8').execute();
  return w;
}

export interface FurtherCase { title: string; unitName: string; divisionCode: string; category: string; summary: string; at: string }

/** A further case submitted, passed screening and published at `at`, its unit in `divisionCode`. */
export async function publishFurtherCase(w: PublishingWorld, o: FurtherCase) {
  const draft = await createDraftCase(w.app, { unitName: o.unitName, title: o.title });
  await w.app.db.updateTable('organizations').set({ division_code: o.divisionCode }).where('id', '=', draft.organizationId).execute();
  await saveContent(draft.client, draft.caseId, { ...completeContent(1200, o.title), category: o.category });
  await attachRequiredFiles(w.app, draft.caseId);
  const submitted = await draft.client.post(`/api/v1/cases/${draft.caseId}/submit`, { requestKey: crypto.randomUUID() });
  if (submitted.statusCode !== 201) throw new Error(`submission failed: ${submitted.body}`);
  await w.app.db.updateTable('cases').set({ screening: 'passed' }).where('id', '=', draft.caseId).execute();
  w.setNow(new Date(o.at));
  const copy = await publishCopy({ organizer: w.organizer, caseId: draft.caseId }, { summary: `<p>${o.summary}</p>` });
  return { ...copy, caseId: draft.caseId };
}
