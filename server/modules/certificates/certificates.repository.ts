import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// Final results are read only once their campaign is final: a row of a campaign not (or no
// longer) in the final phase is no certificate.

/** The final result of a case whose campaign is final, if it has one. */
export function findFinalResultOfCase(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('final_results as r')
    .innerJoin('campaigns as cp', 'cp.id', 'r.campaign_id')
    .select(['r.case_id', 'r.campaign_id', 'r.tier', 'r.serial', 'r.finalized_at'])
    .where('r.case_id', '=', caseId)
    .where('cp.phase', '=', 'final')
    .executeTakeFirst();
}

/** What a certificate states, by its number, if the platform issued it and its campaign is final. */
export function findCertificateBySerial(db: Kysely<Database>, serial: string) {
  return db
    .selectFrom('final_results as r')
    .innerJoin('campaigns as cp', 'cp.id', 'r.campaign_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select(['r.case_id', 'r.campaign_id', 'r.tier', 'r.serial', 'r.finalized_at', 'c.title as case_title', 'o.name as unit_name'])
    .where('r.serial', '=', serial)
    .where('cp.phase', '=', 'final')
    .executeTakeFirst();
}
