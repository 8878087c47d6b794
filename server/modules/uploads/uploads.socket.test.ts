import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { blobPath } from '../../storage/blob-store.ts';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, headTus, MP4_HEAD, patchOverSocket, sha256, socketHeaders } from '../../testing/tus.ts';

// Over a real TCP connection, as a browser on a train sends it: the connection drops in the
// middle of a PATCH, the client asks where the server stands and sends the rest from there.

describe(`a dropped connection (${testEngine()})`, () => {
  it('keeps what reached the disk; HEAD tells where to resume; the finished file has the right SHA-256', async () => {
    const { app, dataDir } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const video = Buffer.concat([MP4_HEAD, randomBytes(6 * 1024 * 1024)]);
    const created = await createTusUpload(client, { caseId, kind: 'videos', filename: '宣传片.mp4', length: video.length });
    const location = created.headers.location as string;
    const headers = await socketHeaders(client);

    const cut = 2 * 1024 * 1024 + 12345;
    expect(await patchOverSocket(`${base}${location}`, { ...headers, 'upload-offset': '0' }, video, { dropAfter: cut })).toBe('dropped');
    // The server notices the drop, saves its offset and lets go of the upload.
    let offset = -1;
    for (let i = 0; i < 50; i += 1) {
      const head = await headTus(client, location);
      const now = Number(head.headers['upload-offset']);
      if (now === offset) break;
      offset = now;
      await sleep(100);
    }
    expect(offset).toBe(cut);

    const rest = await patchOverSocket(`${base}${location}`, { ...headers, 'upload-offset': String(offset) }, video.subarray(offset));
    expect(rest === 'dropped' ? rest : [rest.status, rest.headers['upload-offset']]).toEqual([204, String(video.length)]);
    const [attachment] = (await client.get(`/api/v1/cases/${caseId}/attachments`)).json().data;
    expect([attachment.sha256, attachment.size, attachment.mediaType]).toEqual([sha256(video), video.length, 'video/mp4']);
    expect(sha256(readFileSync(blobPath(dataDir, attachment.sha256)))).toBe(sha256(video));
  });
});
