import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import type { CaseContent } from '../../../core/case/case-content.ts';
import { generateCase } from '../../../core/demo/case-text.ts';
import { runDueJobs } from '../../jobs/jobs.service.ts';
import { similarityJobHandlers } from './similarity.jobs.ts';

// Test fixtures of the near-duplicate check: distinct case texts, a copy of one, a reference sheet,
// and a run of the due near-duplicate jobs.

const DIVISION = { code: '110105', name: '朝阳区', level: 'county' as const, path: [{ code: '110000', name: '北京市' }, { code: '110105', name: '朝阳区' }] };

/** A plausible case of the seventh collection, different for each seed. */
export function distinctContent(seed: number): CaseContent {
  const generated = generateCase(seed, { category: 'urban', unitName: `第${seed}社区党委`, division: DIVISION, targetZi: 1400 });
  return { ...generated, keywords: generated.keywords.slice(0, 3) };
}

/** Runs the due near-duplicate jobs (and those they enqueue) until none is left. */
export async function runSimilarityJobs(app: FastifyInstance): Promise<number> {
  let ran = 0;
  for (;;) {
    const summary = await runDueJobs({ db: app.db, engine: app.engine, handlers: similarityJobHandlers(app.db), clock: app.clock, workerId: 'test', limit: 100 });
    if (summary.failed + summary.retried > 0) throw new Error(`a near-duplicate job failed: ${JSON.stringify(summary)}`);
    ran += summary.ran;
    if (summary.ran === 0) return ran;
  }
}

export const REFERENCE_HEADER = ['届次', '标题', '单位', '正文'];

/** An .xlsx of reference cases; a cell given as { formula } is written as one. */
export async function referenceSheet(rows: (string | { formula: string; result?: string })[][], header = REFERENCE_HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('往届案例');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
