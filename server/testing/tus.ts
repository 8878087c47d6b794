import { createHash } from 'node:crypto';
import type { TestClient } from './test-client.ts';

// The tus requests the workbench's tus-js-client makes, for tests through app.inject.

export const TUS = { 'tus-resumable': '1.0.0' };

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
