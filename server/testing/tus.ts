import { createHash } from 'node:crypto';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestClient } from './test-client.ts';

// The tus requests the workbench's tus-js-client makes, for tests through app.inject.

export const TUS = { 'tus-resumable': '1.0.0' };

/** The first bytes of an MP4 file, enough for its type to be known by content. */
export const MP4_HEAD = Buffer.from([0, 0, 0, 0x20, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2avc1mp41')]);

export function tusMetadata(fields: Record<string, string>): string {
  return Object.entries(fields).map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`).join(',');
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface NewUpload {
  caseId: string;
  kind: string;
  filename: string;
  length: number;
  headers?: Record<string, string>;
}

export function createTusUpload(client: TestClient, upload: NewUpload) {
  return client.request({
    method: 'POST', url: '/api/v1/uploads',
    headers: { ...TUS, 'upload-length': String(upload.length), 'upload-metadata': tusMetadata({ caseId: upload.caseId, kind: upload.kind, filename: upload.filename }), ...upload.headers },
  });
}

export function patchTus(client: TestClient, location: string, offset: number, bytes: Uint8Array, headers: Record<string, string> = {}) {
  return client.request({
    method: 'PATCH', url: location, body: Buffer.from(bytes),
    headers: { ...TUS, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...headers },
  });
}

export function headTus(client: TestClient, location: string) {
  return client.request({ method: 'HEAD', url: location, headers: TUS });
}

/** Creates an upload and sends the whole file in one PATCH; returns both answers. */
export async function uploadFile(client: TestClient, caseId: string, kind: string, filename: string, bytes: Uint8Array, headers: Record<string, string> = {}) {
  const created = await createTusUpload(client, { caseId, kind, filename, length: bytes.length, headers });
  if (created.statusCode !== 201) return { created, patched: undefined };
  const patched = await patchTus(client, created.headers.location as string, 0, bytes, headers);
  return { created, patched };
}

/** The headers a PATCH over a real connection needs: the client's session, its CSRF token, tus. */
export async function socketHeaders(client: TestClient): Promise<Record<string, string>> {
  const csrf = (await client.get('/api/v1/auth/csrf')).json().token as string;
  return {
    cookie: Object.entries(client.cookies).map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': csrf, 'tus-resumable': '1.0.0', 'content-type': 'application/offset+octet-stream',
  };
}

/**
 * A PATCH over a TCP connection; with `dropAfter`, the connection is pulled after that many
 * bytes, sent `pace` bytes at a time with a pause between (all at once without it).
 */
export function patchOverSocket(url: string, headers: Record<string, string>, body: Buffer, options: { dropAfter?: number; pace?: number } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders } | 'dropped'>((resolve, reject) => {
    const request = http.request(url, { method: 'PATCH', headers: { ...headers, 'content-length': String(body.length) } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers }));
    });
    request.on('error', (error) => (options.dropAfter === undefined ? reject(error) : resolve('dropped')));
    const { dropAfter } = options;
    if (dropAfter === undefined) {
      request.end(body);
      return;
    }
    const pace = options.pace ?? dropAfter;
    const send = (from: number) => {
      if (from >= dropAfter) {
        // Let the bytes reach the server's disk, then pull the plug without finishing the body.
        void sleep(300).then(() => request.destroy());
        return;
      }
      const to = Math.min(dropAfter, from + pace);
      request.write(body.subarray(from, to), () => void sleep(to < dropAfter ? 20 : 0).then(() => send(to)));
    };
    send(0);
  });
}
