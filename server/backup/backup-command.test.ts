import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { SQLITE_FILE, openSqlite } from '../db/database.ts';
import { appendAudit } from '../modules/audit/audit.service.ts';

// The commands as an operator runs them, on a SQLite data folder (the engines are covered in
// backup.test.ts; this is the process boundary: arguments, output, exit codes).

function folder() {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-backup-cmd-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/backup/backup-command.ts', ...args], { env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run backup / restore (sqlite)', () => {
  it('backs up a data folder, restores it into an empty one, and refuses to restore over data', async () => {
    const dataDir = folder();
    copyFileSync(inject('sqliteTemplate'), path.join(dataDir, SQLITE_FILE));
    const { db } = openSqlite(path.join(dataDir, SQLITE_FILE));
    await db.transaction().execute((trx) => appendAudit(trx, { actorId: null, actorLabel: 'system', action: 'role.grant', subjectType: 'user', subjectId: 'u-1', change: {} }, new Date()));
    await db.destroy();
    const saved = path.join(folder(), 'nightly');

    const backedUp = await run(['backup', saved], { DATA_DIR: dataDir });
    expect(backedUp).toEqual({ code: 0, stdout: `backed up the sqlite database and 0 stored files (0 bytes) into ${saved}\n`, stderr: '' });
    const fresh = folder();
    const restored = await run(['restore', saved], { DATA_DIR: fresh });
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^restored the backup of .+: 0 cases, 0 submitted versions, 0 attachments, 0 stored files\naudit log intact: 1 entries\n$/);
    const again = await run(['restore', saved], { DATA_DIR: fresh });
    expect([again.code, again.stderr]).toEqual([2, `${path.join(fresh, SQLITE_FILE)} exists: restore into an empty data folder\n`]);
    expect((await run(['restore'], { DATA_DIR: fresh })).code).toBe(2);
  });
});
