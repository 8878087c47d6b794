import type { Kysely } from 'kysely';

// Cases, their submitted versions and history, deadline extensions, stored files,
// attachments and resumable uploads. Frozen in time: never import application code here.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('declaration', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submission_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('superior_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('superior_email', 'text')
    .addColumn('recommendation', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('recommendation_note', 'text')
    .addColumn('recommendation_at', 'text')
    .addColumn('return_message', 'text')
    .addColumn('return_due_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_unit').on('cases').columns(['organization_id', 'campaign_id']).execute();
  await db.schema.createIndex('cases_campaign_status').on('cases').columns(['campaign_id', 'status']).execute();

  await db.schema
    .createTable('case_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('receipt_number', 'text', (c) => c.notNull().unique())
    .addColumn('request_key', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addUniqueConstraint('case_submissions_seq', ['case_id', 'seq'])
    .addUniqueConstraint('case_submissions_request', ['case_id', 'request_key'])
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    // Order within the case; events of one commit share a timestamp.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('due_at', 'text')
    .addColumn('submission_id', 'text')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('deadline_extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    // Null extends the deadline for every unit.
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadline_extensions_campaign').on('deadline_extensions').columns(['campaign_id', 'organization_id']).execute();

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('thumbnail_sha256', 'text', (c) => c.references('blobs.sha256'))
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Removed from the draft; kept because a submitted version may still name it.
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_case').on('attachments').columns(['case_id', 'kind']).execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('length', 'bigint', (c) => c.notNull())
    .addColumn('offset', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attachment_id', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['uploads', 'attachments', 'blobs', 'deadline_extensions', 'case_events', 'case_submissions', 'cases']) {
    await db.schema.dropTable(table).execute();
  }
}
