import { sql, SqliteAdapter, type Kysely } from 'kysely';

// The generation of what the public pages show (decision 0042): one counter row, bumped by
// triggers in the same transaction as any write that can change a public page — a public copy,
// an imported case of an earlier edition, the search index, a campaign, a final result, a case's
// status or screening once it has a copy, a picture's size. Every app instance compares it before
// serving a page from its cache, so a change committed through one instance is seen by the next
// request to any other. Triggers, not calls in services, so that no writer (a service, an import,
// a fix by hand) can forget it.
// Frozen in time: never import application code here.

async function atomically(db: Kysely<any>, work: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Tables any change of which may change a public page. */
const WHOLE_TABLES = ['published_cases', 'imported_cases', 'search_documents', 'campaigns', 'final_results'] as const;
const BUMP = 'update public_generation set n = n + 1 where id = 1';

export async function up(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    await sql`create table public_generation (id integer primary key check (id = 1), n bigint not null)`.execute(trx);
    await sql`insert into public_generation (id, n) values (1, 1)`.execute(trx);
    if (isSqlite(trx)) {
      for (const table of WHOLE_TABLES) {
        for (const event of ['insert', 'update', 'delete'] as const) {
          await sql.raw(`create trigger public_generation_${table}_${event} after ${event} on ${table} begin ${BUMP}; end`).execute(trx);
        }
      }
      // A case's status or screening decides whether its copy is shown; a case without a copy is on no public page.
      await sql.raw(`create trigger public_generation_cases after update of status, screening on cases
        when (old.status is not new.status or old.screening is not new.screening) and exists (select 1 from published_cases p where p.case_id = new.id)
        begin ${BUMP}; end`).execute(trx);
      await sql.raw(`create trigger public_generation_attachments after update of width, height on attachments
        when old.width is not new.width or old.height is not new.height
        begin ${BUMP}; end`).execute(trx);
      return;
    }
    await sql.raw(`create function bump_public_generation() returns trigger language plpgsql as $$
      begin ${BUMP}; return null; end $$`).execute(trx);
    // Once per statement: a bulk import or the final results of a whole campaign bump it once.
    for (const table of WHOLE_TABLES) {
      await sql.raw(`create trigger public_generation after insert or update or delete on ${table} for each statement execute function bump_public_generation()`).execute(trx);
    }
    await sql.raw(`create function bump_public_generation_for_case() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from published_cases p where p.case_id = new.id) then ${BUMP}; end if;
        return null;
      end $$`).execute(trx);
    await sql.raw(`create trigger public_generation after update of status, screening on cases for each row
      when (old.status is distinct from new.status or old.screening is distinct from new.screening)
      execute function bump_public_generation_for_case()`).execute(trx);
    await sql.raw(`create trigger public_generation after update of width, height on attachments for each row
      when (old.width is distinct from new.width or old.height is distinct from new.height)
      execute function bump_public_generation()`).execute(trx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await atomically(db, async (trx) => {
    if (isSqlite(trx)) {
      for (const table of WHOLE_TABLES) {
        for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger public_generation_${table}_${event}`).execute(trx);
      }
      await sql`drop trigger public_generation_cases`.execute(trx);
      await sql`drop trigger public_generation_attachments`.execute(trx);
    } else {
      for (const table of [...WHOLE_TABLES, 'cases', 'attachments']) await sql.raw(`drop trigger public_generation on ${table}`).execute(trx);
      await sql`drop function bump_public_generation_for_case()`.execute(trx);
      await sql`drop function bump_public_generation()`.execute(trx);
    }
    await sql`drop table public_generation`.execute(trx);
  });
}
