import { describe, expect, it } from 'vitest';
import { attachStoredFile, createDraftCase } from '../../testing/cases.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';
import { createTusUpload, patchTus } from '../../testing/tus.ts';

// Each video differs in its last bytes, so each is its own blob.
const video = (n: number) => Buffer.concat([
  Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41'),
  Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * (n + 1)) % 251)),
]);
/** The seventh collection's limit for videos. */
const MAX_VIDEOS = 3;

/** A draft with room for one more video and three uploads of one started, none finished. */
async function oneVideoLeft(app: TestApp['app'], dataDir: string, n: number) {
  const { client, caseId } = await createDraftCase(app);
  const earlier: string[] = [];
  for (const i of [0, 1]) earlier.push((await attachStoredFile({ db: app.db, dataDir }, caseId, 'videos', `早先${i}.mp4`, video(100 * n + i), 'video/mp4')).id);
  const started = [];
  for (const i of [0, 1, 2]) {
    const bytes = video(100 * n + 10 + i);
    const created = await createTusUpload(client, { caseId, kind: 'videos', filename: `视频${i}.mp4`, length: bytes.length });
    expect(created.statusCode).toBe(201);
    started.push({ location: created.headers.location as string, bytes });
  }
  return { client, caseId, earlier, started };
}

describe(`uploads finishing at the same moment (${testEngine()})`, () => {
  it('keeps exactly the kind\'s count of files and refuses the rest with too_many_files', async () => {
    const { app, dataDir } = await createTestApp();
    // Three cases racing at once, so that the uploads of each overlap.
    const cases = [];
    for (const n of [1, 2, 3]) cases.push(await oneVideoLeft(app, dataDir, n));
    const answers = await Promise.all(cases.map((c) => Promise.all(c.started.map((u) => patchTus(c.client, u.location, 0, u.bytes)))));

    for (const [i, c] of cases.entries()) {
      const kept = answers[i]!.filter((a) => a.statusCode === 204);
      expect(kept).toHaveLength(1);
      expect(answers[i]!.filter((a) => a.statusCode !== 204).map((a) => [a.statusCode, a.json().error])).toEqual(Array(2).fill([409, {
        code: 'too_many_files', message: '视频资料最多只能上传 3 个文件。', details: { maxCount: MAX_VIDEOS },
      }]));
      const attachments = await app.db.selectFrom('attachments').select('id').where('case_id', '=', c.caseId).where('removed_at', 'is', null).execute();
      expect(attachments.map((a) => a.id).sort()).toEqual([...c.earlier, kept[0]!.headers['zhengji-attachment-id']].sort());
    }
  });

  it('opens no more uploads than the kind\'s count and two spare, however many start at once', async () => {
    const { app } = await createTestApp();
    const { client, caseId } = await createDraftCase(app);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => createTusUpload(client, { caseId, kind: 'videos', filename: `视频${i}.mp4`, length: 10_028 })));

    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(MAX_VIDEOS + 2);
    expect(new Set(answers.filter((a) => a.statusCode !== 201).map((a) => `${a.statusCode} ${a.json().error.code}`))).toEqual(new Set(['409 too_many_files']));
    const open = await app.db.selectFrom('uploads').select('id').where('case_id', '=', caseId).execute();
    expect(open).toHaveLength(MAX_VIDEOS + 2);
  });
});
