import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { blobPath, hashFile, listLocalBlobs, tempPath } from '../storage/blob-store.ts';
import type { FileStorage } from '../storage/file-storage.ts';

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

/** Copies into the backup folder the stored files it lacks, each whole or not at all. */
async function saveBlobs(storage: FileStorage, folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const blob of storage.list()) {
    const target = blobPath(folder, blob.sha256);
    if (!existsSync(target)) {
      mkdirSync(path.dirname(target), { recursive: true });
      const bytes = await storage.read(blob);
      if (!bytes) throw new BackupError(`the stored file ${blob.sha256} went missing while it was backed up`);
      await pipeline(bytes, createWriteStream(`${target}.part`));
      await rename(`${target}.part`, target);
    }
    files += 1;
    bytes += blob.size;
  }
  return { files, bytes };
}

/** Puts every file of the backup folder into the storage, each proven by hashing it to its name. */
async function restoreBlobs(folder: string, storage: FileStorage): Promise<number> {
  let files = 0;
  for await (const blob of listLocalBlobs(folder)) {
    const source = blobPath(folder, blob.sha256);
    if ((await hashFile(source)) !== blob.sha256) throw new BackupError(`the stored file ${path.relative(folder, source)} does not match its SHA-256: the backup is damaged`);
    const copy = await tempPath(storage.dataDir);
    try {
      await copyFile(source, copy);
      await storage.adopt(copy, blob);
    } finally {
      await rm(copy, { force: true });
    }
    files += 1;
  }
  return files;
}

/**
 * Backs up the database and the stored files (under DATA_DIR or in the bucket) into the local
 * folder `target` (made if missing). Safe while the server runs. A later backup into the same
 * folder copies only new files.
 */
export async function backup(source: DatabaseSource, storage: FileStorage, target: string, now = new Date()): Promise<BackupManifest> {
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
  const { files, bytes } = await saveBlobs(storage, target);
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
 * Restores the backup in `folder` into an empty database and the storage (a fresh DATA_DIR or
 * bucket), proving every file by its hash. Refuses a database that already holds data: a
 * restore never overwrites.
 */
export async function restore(folder: string, target: DatabaseSource, storage: FileStorage): Promise<BackupManifest> {
  const manifest = readManifest(folder);
  if (manifest.engine !== target.engine) throw new BackupError(`the backup is of a ${manifest.engine} database; restore it into ${manifest.engine}`);
  const dump = path.join(folder, manifest.database);
  if (target.engine === 'sqlite' && existsSync(target.file)) throw new BackupError(`${target.file} exists: restore into an empty data folder`);
  if (target.engine === 'postgres') await requireEmptyPostgres(target.url);
  // The files first: named by their hashes, putting them again is harmless, so a restore that
  // failed on one (a bucket that did not answer) can simply be run again.
  const files = await restoreBlobs(folder, storage);
  if (files !== manifest.files) throw new BackupError(`the backup lists ${manifest.files} files but holds ${files}`);
  if (target.engine === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    await copyFile(dump, target.file);
  } else {
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${target.url}`, dump]);
  }
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
