import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import { insertJobOnce } from '../../jobs/jobs.repository.ts';
import { jobRow, type JobHandler } from '../../jobs/jobs.service.ts';
import { checkCaseSimilarity } from './similarity-check.service.ts';
import { listCheckedCaseIds } from './similarity.repository.ts';

// The jobs of the near-duplicate check. Each is enqueued in the transaction of the change that
// causes it, under a unique key naming that change (a submitted or withdrawn version, an import),
// so a retried request enqueues nothing more. The keys start with the case or campaign they
// concern: that is how a report knows a check is still to come.

export const SIMILARITY_CASE_JOB = 'similarity.case';
export const SIMILARITY_CAMPAIGN_JOB = 'similarity.campaign';

export const caseCheckPrefix = (caseId: string) => `${SIMILARITY_CASE_JOB}:${caseId}:`;
export const campaignCheckPrefix = (campaignId: string) => `${SIMILARITY_CAMPAIGN_JOB}:${campaignId}:`;

/** Enqueues the check of a case after a change of its submitted version, once per `cause`. */
export async function enqueueCaseCheck(db: Kysely<Database>, caseId: string, cause: string, now: Date): Promise<void> {
  await insertJobOnce(db, { ...jobRow(newId(), { kind: SIMILARITY_CASE_JOB, payload: { caseId } }, now), unique_key: `${caseCheckPrefix(caseId)}${cause}` });
}

/** Enqueues the check of every submitted case of a campaign against what changed, once per `cause`. */
export async function enqueueCampaignCheck(db: Kysely<Database>, campaignId: string, cause: string, now: Date): Promise<void> {
  await insertJobOnce(db, { ...jobRow(newId(), { kind: SIMILARITY_CAMPAIGN_JOB, payload: { campaignId, cause } }, now), unique_key: `${campaignCheckPrefix(campaignId)}${cause}` });
}

const casePayload = z.object({ caseId: z.string() });
const campaignPayload = z.object({ campaignId: z.string(), cause: z.string() });

/** 'similarity.case': checkCaseSimilarity at the time the job runs. */
export function createCaseCheckHandler(options: { db: Kysely<Database> }): JobHandler {
  return async (payload, ctx) => checkCaseSimilarity(options.db, casePayload.parse(payload).caseId, ctx.now);
}

/** 'similarity.campaign': one case check per submitted case, keyed by the cause, so a rerun adds none. */
export function createCampaignCheckHandler(options: { db: Kysely<Database> }): JobHandler {
  return async (payload, ctx) => {
    const { campaignId, cause } = campaignPayload.parse(payload);
    for (const caseId of await listCheckedCaseIds(options.db, campaignId)) await enqueueCaseCheck(options.db, caseId, cause, ctx.now);
  };
}

export function similarityJobHandlers(db: Kysely<Database>): Record<string, JobHandler> {
  return { [SIMILARITY_CASE_JOB]: createCaseCheckHandler({ db }), [SIMILARITY_CAMPAIGN_JOB]: createCampaignCheckHandler({ db }) };
}
