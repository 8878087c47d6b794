import { sql, type Kysely } from 'kysely';

// A campaign's reviewer pool: one row per campaign and address, so an organizer can import experts
// before they have accounts (the invitation links the account later), and the profile that review
// uses (expertise, capacity, division, affiliation) belongs to the campaign. The affiliation links
// to a registered unit where one matched, so conflicts can be computed. Conflicts a reviewer
// declared and found conflicts an organizer dismissed are stored per case and pool row; one of
// each kind per pair, so two requests at once make one row. Reviewers who joined by invitation
// before this get their pool row from their profile. Frozen in time: never import application code.

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, (trx) => create(trx));
}

async function create(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_reviewers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('expertise', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('division_code', 'text')
    .addColumn('affiliation', 'text', (c) => c.notNull().defaultTo(''))
    // No foreign key, as for cases.superior_organization_id (009): a merged unit leads to its survivor.
    .addColumn('affiliation_unit_id', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_reviewers_once').on('campaign_reviewers').columns(['campaign_id', 'email']).unique().execute();
  await db.schema.createIndex('campaign_reviewers_user').on('campaign_reviewers').column('user_id').execute();

  await db.schema
    .createTable('review_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('campaign_reviewers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('declared', 'dismissed')`))
    // For a dismissal, the JSON array of found reasons it covers.
    .addColumn('found_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('review_conflicts_once').on('review_conflicts').columns(['case_id', 'reviewer_id', 'kind']).unique().execute();
  await db.schema.createIndex('review_conflicts_campaign').on('review_conflicts').column('campaign_id').execute();

  await sql`
    insert into campaign_reviewers (id, campaign_id, email, name, expertise, capacity, division_code, affiliation, affiliation_unit_id, user_id, source, created_at, updated_at)
    select 'rg-' || g.id, g.campaign_id, lower(u.email), u.display_name, coalesce(p.expertise, '[]'), coalesce(p.capacity, 0), p.division_code,
      coalesce(p.organization, ''), null, u.id, 'invitation', g.created_at, g.created_at
    from role_grants g join users u on u.id = g.user_id left join reviewer_profiles p on p.user_id = u.id
    where g.role = 'reviewer' and g.campaign_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await trx.schema.dropTable('review_conflicts').execute();
    await trx.schema.dropTable('campaign_reviewers').execute();
  });
}
