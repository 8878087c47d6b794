import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';

// Backup and restore of everything a campaign keeps: the database (SQLite through its online
// backup API, PostgreSQL through pg_dump's custom format) and the stored files. Files are named
// by the SHA-256 of their bytes, so a backup copies only the ones it lacks and a restore proves
// each one by hashing it. The database is copied first: a file is in place before any row names
// it, so every file the copied rows name is there when the files are copied after.

export type DatabaseSource = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

export interface BackupManifest {
  format: 1;
  engine: DatabaseSource['engine'];
  createdAt: string;
  database: string;
  files: number;
  bytes: number;
}

const MANIFEST = 'backup.json';
const DATABASE_FILE = { sqlite: 'zhengji.sqlite', postgres: 'zhengji.pgdump' } as const;

export class BackupError extends Error {}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new BackupError(`${command} could not be started: ${error.message} (install the PostgreSQL client tools)`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/** Every stored file under `dir`/blobs, as [relative path, sha256 from its name]. */
function listBlobs(dir: string): [string, string][] {
  const root = path.join(dir, 'blobs');
  if (!existsSync(root)) return [];
  const found: [string, string][] = [];
  for (const prefix of readdirSync(root)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(path.join(root, prefix))) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) found.push([path.join('blobs', prefix, name), name]);
    }
  }
  return found;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Copies the files `from` has and `to` lacks; with `verify`, each copied file must hash to its name. */
async function copyBlobs(from: string, to: string, verify: boolean): Promise<{ files: number; bytes: number; copied: number }> {
  let bytes = 0;
  let copied = 0;
  const blobs = listBlobs(from);
  for (const [relative, sha256] of blobs) {
    const source = path.join(from, relative);
    const target = path.join(to, relative);
    if (verify && (await sha256Of(source)) !== sha256) throw new BackupError(`the stored file ${relative} does not match its SHA-256: the backup is damaged`);
    if (!existsSync(target)) {
      mkdirSync(path.dirname(target), { recursive: true });
      await copyFile(source, target);
      copied += 1;
    }
    bytes += statSync(source).size;
  }
  return { files: blobs.length, bytes, copied };
}

/**
 * Backs up the database and the files of `dataDir` into the folder `target` (made if missing).
 * Safe while the server runs. A later backup into the same folder copies only new files.
 */
export async function backup(source: DatabaseSource, dataDir: string, target: string, now = new Date()): Promise<BackupManifest> {
  mkdirSync(target, { recursive: true });
  const database = DATABASE_FILE[source.engine];
  const file = path.join(target, database);
  if (source.engine === 'sqlite') {
    const db = new SQLite(source.file, { readonly: true, fileMustExist: true });
    try {
      await db.backup(`${file}.part`);
    } finally {
      db.close();
    }
  } else {
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}.part`, source.url]);
  }
  // The copy replaces the last one only once whole.
  await rename(`${file}.part`, file);
  const { files, bytes } = await copyBlobs(dataDir, target, false);
  const manifest: BackupManifest = { format: 1, engine: source.engine, createdAt: now.toISOString(), database, files, bytes };
  writeFileSync(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(folder: string): BackupManifest {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(folder, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${folder} holds no backup (no readable ${MANIFEST})`);
  }
  if (manifest.format !== 1) throw new BackupError(`${folder} holds a backup in a format this version cannot read (${String(manifest.format)})`);
  return manifest;
}

/**
 * Restores the backup in `folder` into an empty database and `dataDir`, proving every file by its
 * hash. Refuses a target that already holds data: a restore never overwrites.
 */
export async function restore(folder: string, target: DatabaseSource, dataDir: string): Promise<BackupManifest> {
  const manifest = readManifest(folder);
  if (manifest.engine !== target.engine) throw new BackupError(`the backup is of a ${manifest.engine} database; restore it into ${manifest.engine}`);
  const dump = path.join(folder, manifest.database);
  if (target.engine === 'sqlite') {
    if (existsSync(target.file)) throw new BackupError(`${target.file} exists: restore into an empty data folder`);
    mkdirSync(path.dirname(target.file), { recursive: true });
    await copyFile(dump, target.file);
  } else {
    await requireEmptyPostgres(target.url);
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`, dump]);
  }
  mkdirSync(dataDir, { recursive: true });
  const { files } = await copyBlobs(folder, dataDir, true);
  if (files !== manifest.files) throw new BackupError(`the backup lists ${manifest.files} files but holds ${files}`);
  return manifest;
}

async function requireEmptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema = 'public'");
    if (Number(rows[0]?.n) > 0) throw new BackupError('the target database has tables: restore into an empty database (createdb a new one)');
  } finally {
    await client.end();
  }
}
