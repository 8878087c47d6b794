import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashableServer, type CrashableServer } from '../../testing/crashable-server.ts';
import { completeContent } from '../../testing/cases.ts';
import { createPerson, PASSWORD, UNIT_INPUT } from '../../testing/people.ts';
import { testPdf } from '../../testing/pdf-files.ts';
import { HttpClient, stopServerProcess, unitsReadyToSubmit, type ServerProcess } from '../../testing/server-process.ts';
import { testEngine } from '../../testing/test-database.ts';
import { sha256, TUS, tusMetadata } from '../../testing/tus.ts';
import { sealAllAudit, verifyAuditChain } from '../audit/audit.service.ts';

// The server killed with SIGKILL at a random moment, three times, while units save drafts,
// upload files in pieces and submit. After each restart every acknowledged save, upload piece
// and receipt is there and intact; the uploads resume from where the server says they stand and
// finish byte for byte; the audit chain verifies. On SQLite and on PostgreSQL.

const CHUNK = 32 * 1024;
const ROUNDS = 3;

interface Saver { client: HttpClient; caseId: string; acked: { version: number; title: string } }
interface Uploader { client: HttpClient; caseId: string; location: string; acked: number }

let server: CrashableServer;
let running: ServerProcess;
let pdf: Buffer;

async function signedInUnit(prefix: string, i: number) {
  const email = `${prefix}${i}@example.cn`;
  await createPerson(server.handle.db, { email });
  const client = new HttpClient(running.url);
  expect((await client.send('POST', '/api/v1/auth/sign-in', { email, password: PASSWORD })).status).toBe(200);
  const unit = await (await client.send('POST', '/api/v1/organizations', { ...UNIT_INPUT, name: `${prefix}第${i}社区党委` })).json();
  const created = await (await client.send('POST', '/api/v1/campaigns/seventh-collection/cases', { organizationId: unit.data.id, title: `${prefix}${i}` })).json();
  return { client, caseId: created.data.id as string };
}

/** Saves new titles one after the other until the server stops answering. */
async function keepSaving(saver: Saver, stop: { dead: boolean }) {
  let n = 0;
  while (!stop.dead) {
    const title = `第${saver.acked.version}稿${(n += 1)}`;
    const res = await saver.client.send('PUT', `/api/v1/cases/${saver.caseId}/draft`, { version: saver.acked.version, content: completeContent(800, title), declaration: {}, superiorName: '街道工委', superiorEmail: null }).catch(() => null);
    if (!res) return;
    if (res.status !== 200) throw new Error(`save answered ${res.status}: ${await res.text()}`);
    saver.acked = { version: (await res.json()).data.version, title };
  }
}

/** Sends the file in pieces from the acknowledged offset until done or the server stops answering. */
async function keepUploading(uploader: Uploader, stop: { dead: boolean }) {
  while (!stop.dead && uploader.acked < pdf.length) {
    const piece = pdf.subarray(uploader.acked, uploader.acked + CHUNK);
    const res = await fetch(running.url + uploader.location, {
      method: 'PATCH', body: new Uint8Array(piece),
      headers: { ...TUS, ...uploader.client.headers(), 'content-type': 'application/offset+octet-stream', 'upload-offset': String(uploader.acked) },
    }).catch(() => null);
    if (!res) return;
    if (res.status === 423) {
      // The writer's lease of the process that died has not run out yet: wait, as tus clients do.
      await new Promise((done) => setTimeout(done, 1000));
      continue;
    }
    if (res.status !== 204) throw new Error(`PATCH answered ${res.status}: ${await res.text()}`);
    uploader.acked = Number(res.headers.get('upload-offset'));
  }
}

beforeAll(async () => {
  server = await crashableServer();
  pdf = await testPdf({ text: 'Media report', minBytes: 600 * 1024 });
}, 60_000);
afterAll(async () => {
  if (running) await stopServerProcess(running, 'SIGKILL');
  await server?.dispose();
});

describe(`the server killed at random moments while units save, upload and submit (${testEngine()})`, () => {
  it('keeps every acknowledged save, upload piece and receipt, resumes the uploads and verifies the audit chain', { timeout: 240_000 }, async () => {
    running = await server.start();
    const savers: Saver[] = [];
    for (let i = 0; i < 4; i += 1) savers.push({ ...(await signedInUnit('saver', i)), acked: { version: 1, title: '' } });
    const uploaders: Uploader[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { client, caseId } = await signedInUnit('uploader', i);
      const meta = tusMetadata({ caseId, kind: 'media-reports', filename: `报道${i}.pdf` });
      const created = await client.send('POST', '/api/v1/uploads', undefined, { ...TUS, 'upload-length': String(pdf.length), 'upload-metadata': meta });
      expect(created.status).toBe(201);
      uploaders.push({ client, caseId, location: created.headers.get('location')!, acked: 0 });
    }
    const receipts: { caseId: string; receiptNumber: string; contentSha256: string }[] = [];

    for (let round = 0; round < ROUNDS; round += 1) {
      const submitters = await unitsReadyToSubmit(running.url, { db: server.handle.db, dataDir: server.dataDir }, 3, `round${round}-`);
      const stop = { dead: false };
      const work = [
        ...savers.map((s) => keepSaving(s, stop)),
        ...uploaders.map((u) => keepUploading(u, stop)),
        ...submitters.map(async (u) => {
          const res = await u.client.send('POST', `/api/v1/cases/${u.caseId}/submit`, { requestKey: u.key }).catch(() => null);
          if (res?.status === 201) receipts.push({ caseId: u.caseId, ...(await res.json()).data });
        }),
      ];
      await new Promise((done) => setTimeout(done, randomInt(150, 900)));
      stop.dead = true;
      await stopServerProcess(running, 'SIGKILL');
      await Promise.all(work);

      running = await server.start();
      for (const c of [...savers.map((s) => s.client), ...uploaders.map((u) => u.client), ...submitters.map((u) => u.client)]) c.rebase(running.url);
      for (const saver of savers) {
        // The acknowledged save is there; at most the one in flight when the server died follows it.
        const current = (await (await saver.client.send('GET', `/api/v1/cases/${saver.caseId}`)).json()).data;
        expect(current.version).toBeGreaterThanOrEqual(saver.acked.version);
        expect(current.version).toBeLessThanOrEqual(saver.acked.version + 1);
        if (current.version === saver.acked.version && saver.acked.title) expect(current.content.title).toBe(saver.acked.title);
        saver.acked = { version: current.version, title: current.content.title };
      }
      for (const uploader of uploaders) {
        const head = await fetch(running.url + uploader.location, { method: 'HEAD', headers: { ...TUS, ...uploader.client.headers() } });
        expect(head.status).toBe(200);
        const offset = Number(head.headers.get('upload-offset'));
        expect(offset).toBeGreaterThanOrEqual(uploader.acked);
        uploader.acked = offset;
      }
      for (const receipt of receipts) {
        const row = await server.handle.db.selectFrom('case_submissions').selectAll().where('receipt_number', '=', receipt.receiptNumber).executeTakeFirstOrThrow();
        expect([row.case_id, row.content_sha256, sha256(Buffer.from(row.content))]).toEqual([receipt.caseId, receipt.contentSha256, receipt.contentSha256]);
      }
    }

    // The uploads finish from where the server says they stand, and the stored file is the file.
    for (const uploader of uploaders) {
      await keepUploading(uploader, { dead: false });
      expect(uploader.acked).toBe(pdf.length);
      // Looked up rather than taken from the last answer, which the server may have died before sending.
      const [attachment] = (await (await uploader.client.send('GET', `/api/v1/cases/${uploader.caseId}/attachments`)).json()).data;
      const stored = await uploader.client.send('GET', attachment.fileUrl);
      expect([stored.status, sha256(new Uint8Array(await stored.arrayBuffer()))]).toEqual([200, sha256(pdf)]);
    }
    // Sealed with the server stopped: the test's write transaction then meets no other writer.
    await stopServerProcess(running);
    await sealAllAudit(server.handle.db);
    expect(await verifyAuditChain(server.handle.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
