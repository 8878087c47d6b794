import type { Insertable, Kysely } from 'kysely';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { preflight } from '../../../core/case/preflight.ts';
import type { Database, ScreeningReportsTable } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { contentSha256 } from '../cases/content-hash.ts';
import { listSubmissionsToReport, listUnitFacts, listUnreportedSubmissionIds, saveReports } from './screening.repository.ts';

// The format report of each current submitted version (its preflight as organizers screen it),
// worked out once per version and campaign definition and stored, so the queue filters and counts
// thousands of cases in SQL. The recommendation stays out of it: it can change after the check, so
// the queue reads it live.
//
// The first page of a phase works out thousands of them (decision 0040): the versions to report are
// listed once, the files of a whole batch are checked together, each distinct file once and several at a time (one HEAD each on
// S3, where one after another cost seconds), and a batch is saved in one statement.

const BATCH = 500;
// Checks in flight at once: enough to hide an S3 round trip, below the SDK's 50 sockets.
const CHECKS_AT_ONCE = 32;

interface SubmittedDocument extends CaseContent {
  declaration?: unknown;
}

interface SubmittedFile {
  kind: string;
  fileName: string;
  sha256: string;
  size: number;
}

const fileKey = (f: { sha256: string; size: number }) => `${f.sha256}:${f.size}`;

/** Whether each distinct file is readable, by `fileKey`, with at most CHECKS_AT_ONCE checks waiting. */
async function checkFiles(files: readonly SubmittedFile[], readable: AttachmentCheck): Promise<Map<string, boolean>> {
  const distinct = [...new Map(files.map((f) => [fileKey(f), { sha256: f.sha256, size: f.size }])).entries()];
  const results = new Map<string, boolean>();
  let next = 0;
  const worker = async () => {
    while (next < distinct.length) {
      const [key, file] = distinct[next++]!;
      results.set(key, await readable(file));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECKS_AT_ONCE, distinct.length) }, worker));
  return results;
}

/**
 * Writes the missing or outdated format reports of the campaign's current submitted versions.
 * Safe to run from several requests or instances at once: a report is written once per version
 * and definition version, and never replaced by one made under an older definition.
 */
export async function ensureFormatReports(db: Kysely<Database>, campaign: StoredCampaign, readable: AttachmentCheck, now: Date): Promise<void> {
  // The ids first, in one pass over the campaign; then the contents a batch at a time by id, so
  // the campaign is not scanned and sorted again for every batch.
  const ids = await listUnreportedSubmissionIds(db, campaign.id, campaign.definitionVersion);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = await listSubmissionsToReport(db, campaign.id, campaign.definitionVersion, ids.slice(i, i + BATCH));
    if (batch.length === 0) continue;
    const units = new Map((await listUnitFacts(db, [...new Set(batch.map((b) => b.organization_id))])).map((u) => [u.id, u]));
    const filesOf = new Map(batch.map((s) => [s.submission_id, JSON.parse(s.attachments) as SubmittedFile[]]));
    const checked = await checkFiles([...filesOf.values()].flat(), readable);
    const rows: Insertable<ScreeningReportsTable>[] = batch.map((s) => {
      const doc = JSON.parse(s.content) as SubmittedDocument;
      const content: CaseContent = { title: doc.title, category: doc.category, keywords: doc.keywords, summary: doc.summary, sections: doc.sections };
      const unit = units.get(s.organization_id);
      const problems = preflight({
        campaign: campaign.definition,
        content,
        attachments: filesOf.get(s.submission_id)!.map((f) => ({ kind: f.kind, fileName: f.fileName, readable: checked.get(fileKey(f))! })),
        unit: {
          address: unit?.address ?? null, contactName: unit?.contact_name ?? null, contactPhone: unit?.contact_phone ?? null,
          contactEmail: unit?.contact_email ?? null, superiorName: s.superior_name || unit?.superior_name || null,
        },
        recommendation: 'recommended',
      });
      return {
        submission_id: s.submission_id, case_id: s.case_id, campaign_id: campaign.id, category: content.category ?? '',
        content_sha256: contentSha256(campaign.definition.slug, s.case_id, content), problems: JSON.stringify(problems),
        problem_count: problems.length, definition_version: campaign.definitionVersion, checked_at: now.toISOString(),
      };
    });
    await saveReports(db, rows);
  }
}
