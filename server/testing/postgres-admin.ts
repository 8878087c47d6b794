import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.ts';

// Test databases on PostgreSQL: a migrated template, cloned per test with CREATE DATABASE …
// TEMPLATE, which copies files and takes tens of milliseconds.

function urlFor(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(baseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function createPostgresTemplate(
  baseUrl: string,
  fill: (db: Kysely<Database>) => Promise<void>,
): Promise<string> {
  const name = uniqueDatabaseName('zhengji_tpl');
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: urlFor(baseUrl, name), max: 1 }) }) });
  try {
    await fill(db);
  } finally {
    await db.destroy();
  }
  return name;
}

export async function clonePostgresDatabase(baseUrl: string, template: string): Promise<{ name: string; url: string }> {
  const name = uniqueDatabaseName('zhengji_t');
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return { name, url: urlFor(baseUrl, name) };
}

/** A new database with nothing in it, for restoring into. */
export async function createEmptyPostgresDatabase(baseUrl: string): Promise<{ name: string; url: string }> {
  const name = uniqueDatabaseName('zhengji_e');
  await withAdmin(baseUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return { name, url: urlFor(baseUrl, name) };
}

export async function dropPostgresDatabase(baseUrl: string, name: string): Promise<void> {
  await withAdmin(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

