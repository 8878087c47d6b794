import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openPostgres, openSqlite, type DatabaseHandle } from '../db/database.ts';
import { appendAudit, sealAllAudit } from '../modules/audit/audit.service.ts';
import { blobPath } from '../storage/blob-store.ts';
import { localStorage, type FileStorage } from '../storage/file-storage.ts';
import { s3Storage } from '../storage/s3-storage.ts';
import { startS3Server } from '../testing/s3-server.ts';
import { attachStoredFile, createSubmittedCase } from '../testing/cases.ts';
import { createEmptyPostgresDatabase, dropPostgresDatabase } from '../testing/postgres-admin.ts';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { backup, BackupError, restore, type DatabaseSource } from './backup.ts';
import { checkRestored, FILES_CHECKED_AT_ONCE } from './restore-check.ts';

function folder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An empty database of the engine under test to restore into, removed after the test. */
async function emptyTarget(): Promise<DatabaseSource> {
  if (testEngine() === 'sqlite') return { engine: 'sqlite', file: path.join(folder('zhengji-restore-db-'), 'zhengji.sqlite') };
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const { name, url } = await createEmptyPostgresDatabase(baseUrl);
  onTestFinished(() => dropPostgresDatabase(baseUrl, name));
  return { engine: 'postgres', url };
}

function open(target: DatabaseSource): DatabaseHandle {
  const handle = target.engine === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url);
  onTestFinished(() => handle.db.destroy());
  return handle;
}

/** A fresh storage of each kind: a data folder, or a bucket on its own S3-protocol server. */
const storages: [string, () => Promise<(dataDir: string) => FileStorage>][] = [
  ['files under DATA_DIR', async () => localStorage],
  ['an S3 bucket', async () => {
    const s3 = await startS3Server();
    onTestFinished(() => s3.close());
    return (dataDir) => s3Storage(s3.settings, dataDir);
  }],
];

describe.each(storages)(`backup and restore (${testEngine()}) with %s`, (_name, freshStorage) => {
  it('restores into a fresh database and storage every case, version, attachment hash and audit entry, with a chain that verifies', async () => {
    const { app, database } = await createTestApp({ storage: await freshStorage() });
    const cases = [await createSubmittedCase(app, { email: 'a@example.cn', unitName: '北京市东城区和平里街道党工委' }), await createSubmittedCase(app, { email: 'b@example.cn', unitName: '上海市浦东新区陆家嘴街道党工委' })];
    await attachStoredFile(app, cases[0]!.caseId, 'photo', '现场照片.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), 'image/jpeg');
    await sealAllAudit(app.db);
    // One entry appended but not sealed when the backup runs: the restored log still takes it.
    await app.db.transaction().execute((trx) => appendAudit(trx, { actorId: null, actorLabel: 'system', action: 'role.grant', subjectType: 'user', subjectId: 'u-late', change: {} }, new Date()));
    const snapshot = async (db: DatabaseHandle['db']) => ({
      cases: await db.selectFrom('cases').select(['id', 'status', 'title', 'submission_count']).orderBy('id').execute(),
      versions: await db.selectFrom('case_submissions').select(['id', 'receipt_number', 'content_sha256', 'attachments']).orderBy('id').execute(),
      attachments: await db.selectFrom('attachments').select(['id', 'sha256', 'size']).orderBy('id').execute(),
      audit: (await db.selectFrom('audit_log').select(['id', 'seq', 'hash', 'action']).orderBy('id').execute()).map((r) => ({ ...r, id: Number(r.id) })),
    });
    const before = await snapshot(app.db);

    const saved = folder('zhengji-backup-');
    const manifest = await backup(database.source, app.storage, saved);
    expect(manifest).toMatchObject({ format: 1, engine: testEngine(), files: before.attachments.length });
    // A second backup into the same folder copies only what is new.
    expect(await backup(database.source, app.storage, saved)).toMatchObject({ files: manifest.files });

    const target = await emptyTarget();
    const restoredStorage = (await freshStorage())(folder('zhengji-restored-'));
    await restore(saved, target, restoredStorage);
    const restored = open(target);
    expect(await snapshot(restored.db)).toEqual(before);
    await sealAllAudit(restored.db);
    expect(await checkRestored(restored.db, restoredStorage)).toMatchObject({
      cases: 2, submissions: 2, attachments: before.attachments.length, missingFiles: [], audit: { ok: true, count: before.audit.length, unsealed: 0 },
    });
    await expect(restore(saved, target, restoredStorage)).rejects.toThrow(BackupError);
  });
});

describe(`a damaged backup (${testEngine()})`, () => {
  it('refuses a damaged file, and says when a folder holds no backup', async () => {
    const { app, database } = await createTestApp();
    const submitted = await createSubmittedCase(app);
    const saved = folder('zhengji-backup-');
    await backup(database.source, app.storage, saved);
    const { sha256 } = await app.db.selectFrom('attachments').select('sha256').where('case_id', '=', submitted.caseId).executeTakeFirstOrThrow();
    writeFileSync(blobPath(saved, sha256), 'flipped bytes');
    await expect(restore(saved, await emptyTarget(), localStorage(folder('zhengji-restored-')))).rejects.toThrow(/does not match its SHA-256: the backup is damaged/);
    await expect(restore(folder('zhengji-nothing-'), await emptyTarget(), localStorage(folder('zhengji-restored-')))).rejects.toThrow(/holds no backup/);
  });
});

describe(`the check after a restore (${testEngine()})`, () => {
  it('asks the storage about 16 files at a time, reports every missing one, and fails on a failed request once those in flight answer', async () => {
    const { app } = await createTestApp();
    const blobs = Array.from({ length: 100 }, (_, i) => ({ sha256: createHash('sha256').update(`file ${i}`).digest('hex'), size: i + 1 }));
    await app.db.insertInto('blobs').values(blobs.map((b) => ({ ...b, media_type: 'application/pdf', created_at: '2024-05-01T00:00:00.000Z' }))).execute();
    const missing = blobs.filter((_, i) => i % 7 === 3).map((b) => b.sha256);
    let inFlight = 0;
    let peak = 0;
    let asked = 0;
    let failAt = Infinity;
    const storage: FileStorage = {
      ...localStorage(folder('zhengji-restored-')),
      has: async ({ sha256 }) => {
        const nth = (asked += 1);
        peak = Math.max(peak, (inFlight += 1));
        await sleep(5);
        inFlight -= 1;
        if (nth === failAt) throw new Error('503 SlowDown');
        return !missing.includes(sha256);
      },
    };
    const check = await checkRestored(app.db, storage);
    expect([peak, asked, check.missingFiles.toSorted()]).toEqual([FILES_CHECKED_AT_ONCE, blobs.length, missing.toSorted()]);

    [peak, asked, failAt] = [0, 0, 21];
    await expect(checkRestored(app.db, storage)).rejects.toThrow('503 SlowDown');
    expect(inFlight).toBe(0);
    expect(asked).toBeLessThan(21 + FILES_CHECKED_AT_ONCE * 2);
  });
});
