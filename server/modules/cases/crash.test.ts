import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, SQLITE_FILE } from '../../db/database.ts';
import { attachRequiredFiles, completeContent } from '../../testing/cases.ts';
import { campaignsFolder, seventhCampaignData } from '../../testing/campaign-files.ts';
import { createPerson, PASSWORD, UNIT_INPUT } from '../../testing/people.ts';
import { testEngine } from '../../testing/test-database.ts';
import { sealAllAudit, verifyAuditChain } from '../audit/audit.service.ts';

// The server killed (SIGKILL, no chance to clean up) while units are submitting: every receipt a
// unit received is in the database with its hash, no submission is half-made, the audit chain
// holds, and a unit that got no answer retries with the same key and ends with one submission.

const dataDir = mkdtempSync(path.join(tmpdir(), 'zhengji-crash-'));
// The seventh collection with its window around today, since the real process uses the real clock.
const campaigns = campaignsFolder({
  'seventh-collection.yaml': {
    ...seventhCampaignData(),
    window: { ...seventhCampaignData().window, opensAt: '2024-01-15T00:00:00', closesAt: '2099-06-30T23:59:59' },
    review: { ...seventhCampaignData().review, dueAt: '2099-08-31T23:59:59' },
  },
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, CAMPAIGNS_DIR: campaigns, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** A minimal browser over real HTTP: cookies and the CSRF header. */
class HttpClient {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private base: string) {}
  async send(method: string, url: string, body?: unknown) {
    if (method !== 'GET' && !this.csrf) this.csrf = (await (await this.send('GET', '/api/v1/auth/csrf')).json()).token;
    const res = await fetch(this.base + url, {
      method,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
  rebase(base: string) {
    this.base = base;
  }
}

// It runs the real process on SQLite; the PostgreSQL pass of the suite need not repeat it.
describe.skipIf(testEngine() !== 'sqlite')('the server killed while units submit (sqlite)', () => {
  it('loses no receipt, leaves nothing half-made, and lets the units retry', { timeout: 120_000 }, async () => {
    let server = await startServer();
    const handle = openSqlite(path.join(dataDir, SQLITE_FILE));
    const store = { db: handle.db, dataDir };
    const units: { client: HttpClient; caseId: string; key: string }[] = [];
    for (let i = 0; i < 12; i += 1) {
      const email = `unit${i}@example.cn`;
      await createPerson(handle.db, { email });
      const client = new HttpClient(server.url);
      expect((await client.send('POST', '/api/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
      const unit = await (await client.send('POST', '/api/v1/organizations', { ...UNIT_INPUT, name: `第${i}社区党委` })).json();
      const created = await (await client.send('POST', '/api/v1/campaigns/seventh-collection/cases', { organizationId: unit.data.id, title: `案例${i}` })).json();
      const caseId = created.data.id as string;
      const saved = await client.send('PUT', `/api/v1/cases/${caseId}/draft`, { version: 1, content: completeContent(4800, `案例${i}`), declaration: {}, superiorName: '街道工委', superiorEmail: null });
      expect(saved.status).toBe(200);
      await attachRequiredFiles(store, caseId);
      units.push({ client, caseId, key: randomUUID() });
    }

    // Everyone submits at once; the process dies as soon as the first receipt is out.
    const answers = units.map((u) => u.client.send('POST', `/api/v1/cases/${u.caseId}/submit`, { requestKey: u.key }).then(async (r) => ({ status: r.status, body: await r.json() }), () => null));
    await Promise.race(answers);
    server.child.kill('SIGKILL');
    await new Promise((done) => server.child.once('exit', done));
    const received = (await Promise.all(answers)).filter((a): a is { status: number; body: any } => a !== null && a.status === 201);
    expect(received.length).toBeGreaterThan(0);

    server = await startServer();
    try {
      for (const { body } of received) {
        const row = await handle.db.selectFrom('case_submissions').selectAll().where('receipt_number', '=', body.data.receiptNumber).executeTakeFirstOrThrow();
        expect(createHash('sha256').update(row.content).digest('hex')).toBe(body.data.contentSha256);
        expect(row.content_sha256).toBe(body.data.contentSha256);
      }
      // Nothing half-made: a case has a submission exactly when its state and history say so.
      for (const u of units) {
        const c = await handle.db.selectFrom('cases').selectAll().where('id', '=', u.caseId).executeTakeFirstOrThrow();
        const submissions = await handle.db.selectFrom('case_submissions').select('id').where('case_id', '=', u.caseId).execute();
        const submitEvents = await handle.db.selectFrom('case_events').select('submission_id').where('case_id', '=', u.caseId).where('action', '=', 'submit').execute();
        expect(c.submission_count).toBe(submissions.length);
        expect(submitEvents.map((e) => e.submission_id)).toEqual(submissions.map((s) => s.id));
        expect(c.status).toBe(submissions.length > 0 ? 'submitted' : 'draft');
      }
      await sealAllAudit(handle.db);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, unsealed: 0 });

      // Each unit retries with its key: one submission per case, the receipts already given unchanged.
      for (const u of units) {
        u.client.rebase(server.url);
        const retry = await u.client.send('POST', `/api/v1/cases/${u.caseId}/submit`, { requestKey: u.key });
        expect([200, 201]).toContain(retry.status);
      }
      const counts = await handle.db.selectFrom('case_submissions').select(['case_id']).execute();
      expect(counts).toHaveLength(units.length);
      for (const { body } of received) {
        const again = await handle.db.selectFrom('case_submissions').select('content_sha256').where('receipt_number', '=', body.data.receiptNumber).executeTakeFirstOrThrow();
        expect(again.content_sha256).toBe(body.data.contentSha256);
      }
    } finally {
      server.child.kill('SIGTERM');
      await handle.db.destroy();
    }
  });
});
