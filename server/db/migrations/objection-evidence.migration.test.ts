import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDraftCase } from '../../testing/cases.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, patchTus } from '../../testing/tus.ts';
import { down, up } from './2026-12-07-028-objection-evidence.ts';

describe(`objection evidence migration (${testEngine()})`, () => {
  it('keeps every case upload in progress and its pieces through the rebuild, both ways', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const created = await createTusUpload(client, { caseId, kind: 'declaration-form', filename: '申报表.pdf', length: 1000 });
    const location = created.headers.location as string;
    expect((await patchTus(client, location, 0, Buffer.alloc(400, 0x20))).statusCode).toBe(204);
    const id = location.split('/').pop()!;
    await app.db.insertInto('upload_pieces').values({ upload_id: id, start: 0, size: 400, key: 'piece-0' }).execute();
    const db = app.db as unknown as Kysely<any>;
    const rows = async () => ({
      uploads: (await db.selectFrom('uploads').select(['id', 'case_id', 'kind', 'file_name', 'offset']).execute()).map((r) => ({ ...r, offset: Number(r.offset) })),
      pieces: (await db.selectFrom('upload_pieces').select(['upload_id', 'key']).execute()),
    });
    const before = await rows();
    expect(before).toEqual({ uploads: [{ id, case_id: caseId, kind: 'declaration-form', file_name: '申报表.pdf', offset: 400 }], pieces: [{ upload_id: id, key: 'piece-0' }] });

    await down(db);
    expect(await rows()).toEqual(before);
    await up(db);
    expect(await rows()).toEqual(before);
    // The pieces still go with their upload.
    await db.deleteFrom('uploads').where('id', '=', id).execute();
    expect((await rows()).pieces).toEqual([]);
  });
});
