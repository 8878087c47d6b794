import type { Kysely } from 'kysely';

// Reminders before the review due date: one row per campaign, pool reviewer and reminder day
// (days before the due date), written in the transaction that queues the mail. Its key makes a
// reminder go out once, however often and on however many instances the reminder job runs.
// Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_reminders')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('campaign_reviewers.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('mail_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('review_reminders_pk', ['campaign_id', 'reviewer_id', 'days_before'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_reminders').execute();
}
