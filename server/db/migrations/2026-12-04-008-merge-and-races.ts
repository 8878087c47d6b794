import { sql, type Kysely } from 'kysely';

// A person holds a role once per campaign (or once platform-wide): two invitations accepted at
// the same moment each found no grant and each inserted one. Unique indexes let the insert
// itself decide; NULL campaign ids are distinct in a unique index on both engines, so the
// platform-wide grants get an index of their own. Duplicates already stored are removed first,
// keeping the earliest. Frozen in time: never import application code here.

/** Runs `work` in one transaction (the migrator opens one on PostgreSQL only; see 004). */
async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await sql`
      delete from role_grants where exists (
        select 1 from role_grants as earlier
        where earlier.user_id = role_grants.user_id and earlier.role = role_grants.role
          and (earlier.campaign_id = role_grants.campaign_id or (earlier.campaign_id is null and role_grants.campaign_id is null))
          and (earlier.created_at < role_grants.created_at or (earlier.created_at = role_grants.created_at and earlier.id < role_grants.id))
      )`.execute(trx);
    await trx.schema.createIndex('role_grants_once_per_campaign').on('role_grants').columns(['user_id', 'role', 'campaign_id']).unique()
      .where(sql.ref('campaign_id'), 'is not', null).execute();
    await trx.schema.createIndex('role_grants_once_platform_wide').on('role_grants').columns(['user_id', 'role']).unique()
      .where(sql.ref('campaign_id'), 'is', null).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('role_grants_once_platform_wide').execute();
  await db.schema.dropIndex('role_grants_once_per_campaign').execute();
}
