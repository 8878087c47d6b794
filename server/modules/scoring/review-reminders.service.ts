import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { PeriodicJob } from '../../jobs/jobs.periodic.ts';
import type { JobHandler, JobLog } from '../../jobs/jobs.service.ts';
import { queueMail } from '../../mail/mail.service.ts';
import { listCampaigns, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { dueOf } from './scoring.present.ts';

export const REVIEW_REMINDERS_JOB = 'review.reminders';
/** Hourly, once across all instances; a reminder goes out within the hour its day begins. */
export const REVIEW_REMINDERS_PERIODIC: PeriodicJob = { kind: REVIEW_REMINDERS_JOB, everyMs: 3_600_000 };

const DAY_MS = 86_400_000;

/** The reminder day that is current at `now`: the fewest days before the due date whose moment has come; null outside. */
export function currentReminderDay(daysBefore: readonly number[], dueAt: Date, now: Date): number | null {
  if (now >= dueAt) return null;
  const passed = daysBefore.filter((d) => dueAt.getTime() - d * DAY_MS <= now.getTime());
  return passed.length === 0 ? null : Math.min(...passed);
}

async function remindCampaign(db: Kysely<Database>, campaign: StoredCampaign, now: Date, baseUrl: string): Promise<number> {
  const due = new Date(dueOf(campaign, 'zh-CN').dueAt);
  const day = currentReminderDay(campaign.definition.review.reminderDaysBefore, due, now);
  if (day === null) return 0;
  // Reviewers with released assignments not yet submitted, with their account's address and language.
  const open = await db.selectFrom('review_assignments as a')
    .innerJoin('campaign_reviewers as r', 'r.id', 'a.reviewer_id')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .leftJoin('reviews as v', 'v.assignment_id', 'a.id')
    .select(['r.id', 'r.email', 'u.email as account_email', 'u.locale', (eb) => eb.fn.countAll<number>().as('open')])
    .where('a.campaign_id', '=', campaign.id).where('a.state', '=', 'released')
    .where((eb) => eb.or([eb('v.status', 'is', null), eb('v.status', '!=', 'submitted')]))
    .groupBy(['r.id', 'r.email', 'u.email', 'u.locale']).orderBy('r.email').execute();
  let sent = 0;
  for (const reviewer of open) {
    // The row and the mail commit together; a second run finds the row and sends nothing.
    const mailed = await inTransaction(db, async (trx) => {
      const claimed = await trx.insertInto('review_reminders')
        .values({ campaign_id: campaign.id, reviewer_id: reviewer.id, days_before: day, mail_id: '', sent_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['campaign_id', 'reviewer_id', 'days_before']).doNothing()).executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows) !== 1) return false;
      const locale = reviewer.locale ?? 'zh-CN';
      const when = dueOf(campaign, locale);
      const mailId = await queueMail(trx, {
        to: reviewer.account_email ?? reviewer.email, locale, template: 'review_reminder',
        params: { campaignTitle: campaign.definition.title[locale], open: Number(reviewer.open), dueAt: when.dueAtLocal, zone: when.zone, link: `${baseUrl}/app/reviews` },
      }, now);
      await trx.updateTable('review_reminders').set({ mail_id: mailId })
        .where('campaign_id', '=', campaign.id).where('reviewer_id', '=', reviewer.id).where('days_before', '=', day).execute();
      return true;
    });
    if (mailed) sent += 1;
  }
  return sent;
}

/**
 * Mails each reviewer with unsubmitted released assignments once per reminder day of every
 * campaign in its review phase, in their language; never twice for one day, however often it runs.
 */
export async function sendReviewReminders(db: Kysely<Database>, now: Date, baseUrl: string): Promise<number> {
  let sent = 0;
  for (const campaign of await listCampaigns(db)) if (campaign.phase === 'review') sent += await remindCampaign(db, campaign, now, baseUrl);
  return sent;
}

/** The 'review.reminders' job: sendReviewReminders at the time the job runs. */
export function createReviewRemindersHandler(options: { db: Kysely<Database>; baseUrl: string; log: JobLog }): JobHandler {
  return async (_payload, ctx) => {
    const sent = await sendReviewReminders(options.db, ctx.now, options.baseUrl);
    if (sent > 0) options.log.info({ sent }, 'review reminders queued');
  };
}
