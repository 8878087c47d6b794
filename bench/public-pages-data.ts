import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config.ts';
import { startApp } from '../server/start.ts';
import { indexDocument } from '../server/modules/search/search-index.ts';
import { bigCampaign } from '../server/testing/big-campaign.ts';
import { DURING_WINDOW } from '../server/testing/fixtures.ts';
import { searchCorpusDocument } from './search-corpus.ts';

// The public-pages benchmark's data: CASES cases of the seventh collection (one submitted through
// the API, the rest copied in the database), every one passed screening and published with a public
// copy of generated case text (1,700–4,700 字) and indexed for search, in a campaign that shows
// cases during the collection. Written once into DATA_DIR; the servers under test open it.

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (text: string) => text.split('\n').filter((p) => p.trim() !== '').map((p) => `<p>${escape(p)}</p>`).join('');
const SECTIONS = ['background', 'practice', 'effectiveness', 'discussion', 'appendix'];

/**
 * The campaign files the benchmark's servers load (CAMPAIGNS_DIR): the seventh collection with
 * display during the collection on, so every published case is shown (the file sets the campaign
 * at each start).
 */
export function benchCampaignsDir(dataDir: string): string {
  const dir = path.join(dataDir, 'campaigns');
  mkdirSync(dir, { recursive: true });
  const file = readFileSync('campaigns/seventh-collection.yaml', 'utf8');
  writeFileSync(path.join(dir, 'seventh-collection.yaml'), `${file.trimEnd()}\ndisplay:\n  duringCollection: true\n  pictureKinds: [photos]\n`);
  return dir;
}

/** Seeds `dataDir`; returns the public paths of the published cases, in order. */
export async function seedPublishedCases(dataDir: string, cases: number): Promise<string[]> {
  // SQLite, whatever DATABASE_URL the shell has.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL'));
  // Seeding is not what is measured: a loaded machine must not turn its requests away.
  const config = loadConfig({ ...env, DATA_DIR: dataDir, CAMPAIGNS_DIR: benchCampaignsDir(dataDir), PORT: '0', LOG_LEVEL: 'warn', SHED_LAG_MS: '60000', SHED_MAX_IN_FLIGHT: '100000' });
  const { app } = await startApp(config, { logger: { level: 'warn' }, clock: () => DURING_WINDOW });
  try {
    const { campaignId, caseIds } = await bigCampaign(app, { cases, reviewers: 0 });
    const db = app.db;
    await db.updateTable('cases').set({ screening: 'passed' }).where('campaign_id', '=', campaignId).execute();
    const rows = await db.selectFrom('cases as c').innerJoin('case_submissions as s', 's.case_id', 'c.id').innerJoin('organizations as o', 'o.id', 'c.organization_id')
      .select(['c.id', 's.id as submission_id', 'o.division_code', 'c.created_by']).where('c.campaign_id', '=', campaignId).execute();
    const byCase = new Map(rows.map((r) => [r.id, r]));
    const paths: string[] = [];
    const BATCH = 250;
    for (let start = 0; start < caseIds.length; start += BATCH) {
      await db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(caseIds.length, start + BATCH); i += 1) {
          const row = byCase.get(caseIds[i]!)!;
          const doc = searchCorpusDocument(i);
          const publicId = randomBytes(8).toString('hex');
          const at = new Date(Date.UTC(2024, 2, 1) + i * 60_000).toISOString();
          const bodies = doc.body.split('\n\n');
          await trx.insertInto('published_cases').values({
            id: publicId, case_id: row.id, campaign_id: campaignId, submission_id: row.submission_id, title: doc.title, unit_name: doc.unitName,
            division_code: row.division_code, category: doc.category, summary: paragraphs(doc.summary),
            sections: JSON.stringify(Object.fromEntries(SECTIONS.map((key, k) => [key, paragraphs(bodies[k] ?? '')]))),
            attachment_ids: '[]', state: 'published', version: 2, created_by: row.created_by, created_at: at, updated_by: row.created_by, updated_at: at,
            published_by: row.created_by, published_at: at, first_published_at: at, unpublished_by: null, unpublished_at: null,
          }).execute();
          await indexDocument(trx, { ...doc, id: publicId, campaignId, campaignSlug: 'seventh-collection', tier: null, province: row.division_code.slice(0, 2), publishedAt: at });
          paths.push(`/campaigns/seventh-collection/cases/${publicId}`);
        }
      });
    }
    return paths;
  } finally {
    await app.close();
  }
}
