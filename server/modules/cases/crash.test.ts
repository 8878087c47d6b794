import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashableServer, type CrashableServer } from '../../testing/crashable-server.ts';
import { stopServerProcess, unitsReadyToSubmit } from '../../testing/server-process.ts';
import { testEngine } from '../../testing/test-database.ts';
import { sealAllAudit, verifyAuditChain } from '../audit/audit.service.ts';

// The server killed (SIGKILL, no chance to clean up) while units are submitting: every receipt a
// unit received is in the database with its hash, no submission is half-made, the audit chain
// holds, and a unit that got no answer retries with the same key and ends with one submission.

let server: CrashableServer;
beforeAll(async () => {
  server = await crashableServer();
}, 60_000);
afterAll(() => server?.dispose());

describe(`the server killed while units submit (${testEngine()})`, () => {
  it('loses no receipt, leaves nothing half-made, and lets the units retry', { timeout: 120_000 }, async () => {
    let running = await server.start();
    const { handle, dataDir } = server;
    const units = await unitsReadyToSubmit(running.url, { db: handle.db, dataDir }, 12);

    // Everyone submits at once; the process dies as soon as the first receipt is out.
    const answers = units.map((u) => u.client.send('POST', `/api/v1/cases/${u.caseId}/submit`, { requestKey: u.key }).then(async (r) => ({ status: r.status, body: await r.json() }), () => null));
    await Promise.race(answers);
    await stopServerProcess(running, 'SIGKILL');
    const received = (await Promise.all(answers)).filter((a): a is { status: number; body: any } => a !== null && a.status === 201);
    expect(received.length).toBeGreaterThan(0);

    // What the crash left is read with no server running: nothing can have repaired it, and the
    // test's own writes (sealing the audit log) meet no other writer.
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

    running = await server.start();
    try {
      // Each unit retries with its key: one submission per case, the receipts already given unchanged.
      for (const u of units) {
        u.client.rebase(running.url);
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
      await stopServerProcess(running);
    }
  });
});
