import { Readable } from 'node:stream';
import { seededRandom } from '../../../core/random/seeded.ts';
import { buildDeclarationForm } from '../../documents/declaration-form.ts';
import { fillDeclarationForm } from '../../documents/documents.service.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { createUpload, receiveUploadBytes } from '../../modules/uploads/uploads.service.ts';
import { demoPhoto, demoSealedScan } from '../demo-files.ts';
import { eachLimited, type DemoContext } from '../demo-context.ts';
import type { DemoCase, DemoStep } from '../demo-state.ts';

/** One file uploaded as the browser's resumable upload does: started, its bytes sent, checked and stored. */
async function upload(ctx: DemoContext, actor: Actor, caseId: string, kind: string, fileName: string, bytes: Buffer): Promise<void> {
  const { id } = await createUpload(ctx.db, actor, { caseId, kind, fileName, length: bytes.length }, ctx.clock(), ctx.storage);
  const state = await receiveUploadBytes(ctx.db, actor, id, 0, Readable.from([bytes]), ctx.clock, ctx.storage);
  if (!state.attachmentId) throw new Error(`upload of ${fileName} did not finish`);
}

/**
 * Each case's files: the declaration form as the platform fills it (the Word file a unit downloads),
 * a scan of it sealed, and one to three photos. Returns how many.
 */
export async function attachFiles(ctx: DemoContext, cases: readonly DemoCase[]): Promise<number> {
  let files = 0;
  await eachLimited(cases, 4, async (c, i) => {
    const actor = c.unit.operator;
    const { campaign, fill } = await fillDeclarationForm(ctx.db, actor, c.id);
    await upload(ctx, actor, c.id, 'declaration-form', '申报表.docx', await buildDeclarationForm(campaign, 'zh-CN', fill));
    await upload(ctx, actor, c.id, 'sealed-form', '申报表盖章扫描件.pdf', await demoSealedScan(c.id));
    const photos = seededRandom(`photos:${c.unit.index}`).int(1, 3);
    for (let p = 0; p < photos; p += 1) await upload(ctx, actor, c.id, 'photos', `活动照片${p + 1}.jpg`, await demoPhoto(`${c.unit.index}-${p}`));
    files += 2 + photos;
    if ((i + 1) % 50 === 0) ctx.log(`  attachments: ${i + 1}/${cases.length} cases`);
  });
  return files;
}

export const attachmentsStep: DemoStep = {
  name: 'attachments',
  async run(ctx, state) {
    return `${await attachFiles(ctx, state.cases)} files for ${state.cases.length} cases`;
  },
};
