import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAllAudit, verifyAuditChain } from '../modules/audit/audit.service.ts';
import { attachRequiredFiles, completeContent } from '../testing/cases.ts';
import { crashableServer, type CrashableServer } from '../testing/crashable-server.ts';
import { createPerson, PASSWORD, UNIT_INPUT } from '../testing/people.ts';
import { testPdf } from '../testing/pdf-files.ts';
import { NGINX, startNginx } from '../testing/nginx.ts';
import { HttpClient, stopServerProcess, type ServerProcess } from '../testing/server-process.ts';
import { testEngine } from '../testing/test-database.ts';
import { tusMetadata } from '../testing/tus.ts';
import { startS3Server, type TestS3 } from '../testing/s3-server.ts';
import { s3Storage } from '../storage/s3-storage.ts';

// Two identical instances on one PostgreSQL database and one S3 bucket (s3rver on loopback),
// each with a data folder of its own, behind Debian's nginx on loopback, round-robin, as the
// README's example runs them: a unit's whole journey crosses both, an upload started on one
// finishes on the other, a rate limit counts across both, and the audit log stays one chain.
// Needs PostgreSQL (TEST_DATABASE_URL) and /usr/sbin/nginx.

const skip = testEngine() !== 'postgres' ? 'needs PostgreSQL (TEST_DATABASE_URL)' : !existsSync(NGINX) ? 'needs nginx (apt-get install nginx-light)' : '';
if (skip) console.warn(`two instances behind nginx: skipped, ${skip}`);

let server: CrashableServer;
let s3: TestS3;
const instances: ServerProcess[] = [];
const served = [0, 0];
let nginx: { url: string; child: ChildProcess } | undefined;

describe.skipIf(skip !== '')(`two instances behind nginx (${testEngine()})`, () => {
  beforeAll(async () => {
    server = await crashableServer();
    s3 = await startS3Server();
    const { endpoint, bucket, accessKeyId, secretAccessKey } = s3.settings;
    for (const i of [0, 1]) {
      const own = path.join(server.dataDir, `instance-${i}`);
      mkdirSync(own);
      const instance = await server.start({
        DATA_DIR: own, TRUST_PROXY: '1', S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey,
      });
      instance.child.stdout!.on('data', (chunk: Buffer) => {
        served[i]! += chunk.toString().split('"incoming request"').length - 1;
      });
      instances.push(instance);
    }
    nginx = await startNginx(path.join(server.dataDir, 'nginx'), instances.map((s) => s.url));
  }, 90_000);
  afterAll(async () => {
    nginx?.child.kill('SIGQUIT');
    for (const instance of instances) await stopServerProcess(instance);
    await server?.dispose();
    await s3?.close();
  });

  it('serves a unit from sign-in to receipt across both, an upload started on one finishes on the other through the bucket, one rate limit, one audit chain', { timeout: 120_000 }, async () => {
    const { handle, dataDir } = server;
    const [a, b] = instances as [ServerProcess, ServerProcess];
    await createPerson(handle.db, { email: 'unit@example.cn' });
    const client = new HttpClient(nginx!.url);
    expect((await client.send('POST', '/api/v1/auth/sign-in', { email: 'unit@example.cn', password: PASSWORD })).status).toBe(200);
    const unit = (await (await client.send('POST', '/api/v1/organizations', UNIT_INPUT)).json()).data;
    const caseId = (await (await client.send('POST', '/api/v1/campaigns/seventh-collection/cases', { organizationId: unit.id, title: '跨实例案例' })).json()).data.id as string;
    const saved = await client.send('PUT', `/api/v1/cases/${caseId}/draft`, { version: 1, content: completeContent(4800, '跨实例案例'), declaration: {}, superiorName: '街道工委', superiorEmail: null });
    expect(saved.status).toBe(200);
    // The session and the saved copy are the same whichever instance answers.
    for (let i = 0; i < 4; i += 1) expect((await (await client.send('GET', `/api/v1/cases/${caseId}`)).json()).data.version).toBe(2);

    // An upload created through nginx, its first half sent to one instance and the rest to the other.
    const pdf = await testPdf({ text: 'Media report', minBytes: 300_000 });
    const meta = tusMetadata({ caseId, kind: 'media-reports', filename: '报道.pdf' });
    const created = await client.send('POST', '/api/v1/uploads', undefined, { 'tus-resumable': '1.0.0', 'upload-length': String(pdf.length), 'upload-metadata': meta });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const patch = (base: string, offset: number, bytes: Uint8Array) => fetch(base + location, {
      method: 'PATCH', body: new Uint8Array(bytes),
      headers: { ...client.headers(), 'tus-resumable': '1.0.0', 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) },
    });
    expect((await patch(a.url, 0, pdf.subarray(0, 150_000))).status).toBe(204);
    const head = await fetch(b.url + location, { method: 'HEAD', headers: { ...client.headers(), 'tus-resumable': '1.0.0' } });
    expect(head.headers.get('upload-offset')).toBe('150000');
    const last = await patch(b.url, 150_000, pdf.subarray(150_000));
    expect([last.status, last.headers.get('upload-offset')]).toEqual([204, String(pdf.length)]);
    const attachment = (await (await client.send('GET', `/api/v1/cases/${caseId}/attachments`)).json()).data[0];
    for (const base of [a.url, b.url]) {
      const file = await fetch(base + attachment.fileUrl, { headers: client.headers() });
      expect([file.status, Buffer.from(await file.arrayBuffer()).equals(pdf)]).toEqual([200, true]);
    }

    // Nothing of the upload stayed on either instance's disk: its pieces and blob are in the bucket.
    for (const i of [0, 1]) expect(readdirSync(path.join(dataDir, `instance-${i}`), { recursive: true }).filter((f) => String(f).startsWith('blobs') || String(f).startsWith('uploads'))).toEqual([]);
    expect(await s3Storage(s3.settings, dataDir).has({ sha256: attachment.sha256, size: pdf.length })).toBe(true);

    await attachRequiredFiles({ db: handle.db, dataDir, storage: s3Storage(s3.settings, dataDir) }, caseId);
    const submitted = await client.send('POST', `/api/v1/cases/${caseId}/submit`, { requestKey: crypto.randomUUID() });
    expect(submitted.status).toBe(201);
    const { receiptNumber } = (await submitted.json()).data;
    for (const base of [a.url, b.url]) {
      const page = await (await fetch(`${base}/verify?number=${receiptNumber}`)).text();
      expect(page).toContain(receiptNumber);
    }

    // The password-reset request allows 10 an hour per address, counted across both instances.
    const stranger = new HttpClient(nginx!.url);
    const statuses = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await stranger.send('POST', '/api/v1/auth/password-reset', { email: 'nobody@example.cn' })).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);

    // nginx spread the requests over both, and the two sealers kept one chain.
    expect(served[0]).toBeGreaterThan(5);
    expect(served[1]).toBeGreaterThan(5);
    await sealAllAudit(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});
