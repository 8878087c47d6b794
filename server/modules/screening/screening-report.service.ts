import type { Kysely } from 'kysely';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { preflight } from '../../../core/case/preflight.ts';
import type { Database } from '../../db/schema.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { contentSha256 } from '../cases/content-hash.ts';
import { listUnitFacts, listUnreportedSubmissions, saveReport } from './screening.repository.ts';

// The format report of each current submitted version (its preflight as organizers screen it),
// worked out once per version and campaign definition and stored, so the queue filters and counts
// thousands of cases in SQL. The recommendation stays out of it: it can change after the check, so
// the queue reads it live.

const BATCH = 200;

interface SubmittedDocument extends CaseContent {
  declaration?: unknown;
}

/** Writes the missing or outdated format reports of the campaign's current submitted versions. */
export async function ensureFormatReports(db: Kysely<Database>, campaign: StoredCampaign, readable: AttachmentCheck, now: Date): Promise<void> {
  for (;;) {
    const batch = await listUnreportedSubmissions(db, campaign.id, campaign.definitionVersion, BATCH);
    if (batch.length === 0) return;
    const units = new Map((await listUnitFacts(db, [...new Set(batch.map((b) => b.organization_id))])).map((u) => [u.id, u]));
    for (const s of batch) {
      const doc = JSON.parse(s.content) as SubmittedDocument;
      const content: CaseContent = { title: doc.title, category: doc.category, keywords: doc.keywords, summary: doc.summary, sections: doc.sections };
      const files = JSON.parse(s.attachments) as { kind: string; fileName: string; sha256: string; size: number }[];
      const unit = units.get(s.organization_id);
      const problems = preflight({
        campaign: campaign.definition,
        content,
        attachments: await Promise.all(files.map(async (f) => ({ kind: f.kind, fileName: f.fileName, readable: await readable(f) }))),
        unit: {
          address: unit?.address ?? null, contactName: unit?.contact_name ?? null, contactPhone: unit?.contact_phone ?? null,
          contactEmail: unit?.contact_email ?? null, superiorName: s.superior_name || unit?.superior_name || null,
        },
        recommendation: 'recommended',
      });
      await saveReport(db, {
        submission_id: s.submission_id, case_id: s.case_id, campaign_id: campaign.id, category: content.category ?? '',
        content_sha256: contentSha256(campaign.definition.slug, s.case_id, content), problems: JSON.stringify(problems),
        problem_count: problems.length, definition_version: campaign.definitionVersion, checked_at: now.toISOString(),
      });
    }
  }
}
