import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { SQLITE_FILE, openSqlite } from '../../db/database.ts';
import { appendAudit, sealAllAudit } from './audit.service.ts';

// The command as an operator or a cron job runs it. It always checks a SQLite copy here (the
// engine under test does not matter to the process boundary); the chain logic itself is tested
// on both engines in audit.service.test.ts.

/** A DATA_DIR holding a migrated database with `count` audit entries, the last `unsealed` of them not sealed yet. */
async function dataDirWithEntries(count: number, unsealed = 0) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-audit-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(inject('sqliteTemplate'), path.join(dir, SQLITE_FILE));
  const { db } = openSqlite(path.join(dir, SQLITE_FILE));
  for (let n = 1; n <= count; n++) {
    const entry = { actorId: 'u-1', actorLabel: 'admin@zhengji.cn', action: 'role.grant' as const, subjectType: 'user', subjectId: `u-${n}`, change: { role: 'reviewer' } };
    await db.transaction().execute((trx) => appendAudit(trx, entry, new Date('2024-05-01T02:00:00.000Z')));
    if (n === count - unsealed) await sealAllAudit(db);
  }
  return { dir, db };
}

function run(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/modules/audit/audit-verify-command.ts', ...args], {
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('audit:verify command (sqlite)', () => {
  it('seals what waits, says the log is intact and exits 0', async () => {
    const { dir, db } = await dataDirWithEntries(3, 1);
    await db.destroy();
    expect(await run({ DATA_DIR: dir })).toEqual({ code: 0, stdout: 'audit log intact: 3 entries\n', stderr: '' });
  });

  it('finds a log rewritten whole by a head kept outside it, and refuses a head it cannot read', async () => {
    const { dir, db } = await dataDirWithEntries(3);
    const { hash } = await db.selectFrom('audit_log').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow();
    await db.destroy();
    expect(await run({ DATA_DIR: dir }, ['--head', `2:${hash}`])).toEqual({ code: 0, stdout: 'audit log intact: 3 entries\n', stderr: '' });
    expect(await run({ DATA_DIR: dir }, ['--head', `2:${'e'.repeat(64)}`])).toEqual({ code: 1, stdout: 'audit log BROKEN at entry #2: rewritten\n', stderr: '' });
    const unreadable = await run({ DATA_DIR: dir }, ['--head', '2:xyz']);
    expect([unreadable.code, unreadable.stderr]).toEqual([2, 'Configuration error:\n  - --head must be <seq>:<64 hex digits>, as the daily head mail gives it; got "2:xyz"\n']);
  });

  it('names the first tampered entry and exits 1', async () => {
    const { dir, db } = await dataDirWithEntries(4);
    await db.updateTable('audit_log').set({ change: '{"role":"organizer"}' }).where('seq', '=', 2).execute();
    await db.destroy();
    expect(await run({ DATA_DIR: dir })).toEqual({ code: 1, stdout: 'audit log BROKEN at entry #2: edited\n', stderr: '' });
  });

  it('exits 2 with the reason when it cannot reach the database', async () => {
    expect(await run({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/zhengji' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Cannot connect to the database at postgres://127.0.0.1:1/zhengji: connection refused (is PostgreSQL running and listening there?)\n',
    });
  });
});
