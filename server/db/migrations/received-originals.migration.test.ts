import sharp from 'sharp';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { attachStoredFile, createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { uploadFile } from '../../testing/tus.ts';
import { down, up } from './2026-12-04-013-received-originals.ts';

describe(`received originals migration (${testEngine()})`, () => {
  it('records every file kept as received as its own original, and no original for a picture stored before', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const pdf = await attachStoredFile(app, caseId, 'declaration-form', '申报表.pdf', new TextEncoder().encode('%PDF-1.4 form'), 'application/pdf');
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } }).jpeg().toBuffer();
    const { patched } = await uploadFile(client, caseId, 'photos', 'IMG_0001.jpg', photo);
    const photoId = patched!.headers['zhengji-attachment-id'] as string;
    const db = app.db as unknown as Kysely<any>;

    await down(db);
    await up(db);

    const rows = await app.db.selectFrom('attachments').select(['id', 'sha256', 'size', 'received_sha256', 'received_size']).orderBy('media_type').execute();
    const stored = rows.find((r) => r.id === photoId)!;
    expect(rows.map((r) => ({ ...r, size: Number(r.size), received_size: r.received_size === null ? null : Number(r.received_size) }))).toEqual([
      { id: pdf.id, sha256: pdf.sha256, size: 13, received_sha256: pdf.sha256, received_size: 13 },
      { id: photoId, sha256: stored.sha256, size: Number(stored.size), received_sha256: null, received_size: null },
    ]);
  });
});
