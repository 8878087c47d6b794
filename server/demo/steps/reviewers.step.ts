import ExcelJS from 'exceljs';
import { CATEGORY_KEYS } from '../../../core/demo/case-text.ts';
import type { Campaign } from '../../../core/campaign/campaign.schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { getCampaign } from '../../modules/campaigns/campaigns.service.ts';
import { commitReviewerImport, readImportSheet } from '../../modules/reviewers/reviewer-pool.service.ts';
import { acceptReviewerInvitation } from '../../modules/reviewers/reviewers.service.ts';
import { listDivisions } from '../../modules/divisions/divisions.service.ts';
import { reviewerEmail } from '../demo-accounts.ts';
import { actorOf, createVerifiedAccount, eachLimited, tokenFromMail } from '../demo-context.ts';
import { capitalOf } from '../demo-divisions.ts';
import { personName } from '../demo-people.ts';
import type { DemoState, DemoStep } from '../demo-state.ts';
import type { DemoContext } from '../demo-context.ts';

// The reviewer pool: 40 experts imported from a sheet by the organizer, as the import page does,
// each then accepting the mailed invitation with an account of their own. Each knows one or two
// categories and takes 18–34 cases. The first six work at a submitting unit (a conflict with its
// case, and with every case of that city), the next four at a provincial organization department
// that recommended cases; the rest at party schools and academies in provincial capitals, where
// some units sit too.

export const REVIEWERS = 40;

type Row = [name: string, email: string, expertise: string, capacity: number, division: string, affiliation: string];

function rowOf(index: number, state: DemoState, campaign: Campaign): Row {
  const names = (keys: string[]) => keys.map((key) => {
    const name = campaign.categories.find((c) => c.key === key)!.name['zh-CN'];
    // A name holding the sheet's separator (、) is given by its key.
    return name.includes('、') ? key : name;
  }).join('、');
  const primary = CATEGORY_KEYS[index % CATEGORY_KEYS.length]!;
  const second = CATEGORY_KEYS[(index + 1 + (index % 4)) % CATEGORY_KEYS.length]!;
  const expertise = names(index % 3 === 0 || second === primary ? [primary] : [primary, second]);
  const name = personName(`reviewer:${index}`);
  const capacity = 18 + ((index * 7) % 17);
  const provinces = listDivisions()!;
  const superiors = [...state.superiors.values()];
  if (index < 6 && state.units.length > 0) {
    const unit = state.units[(index * 5 + 1) % state.units.length]!;
    const city = unit.division.path[1] ?? unit.division.path[0]!;
    return [name, reviewerEmail(index), expertise, capacity, city.code, unit.name];
  }
  if (index < 10 && superiors.length > 0) {
    const superior = superiors[index % superiors.length]!;
    return [name, reviewerEmail(index), expertise, capacity, capitalOf(superior.provinceCode).code, superior.name];
  }
  const province = provinces[(index * 3) % provinces.length]!;
  const capital = capitalOf(province.code);
  const place = [`中共${province.name}委党校`, `${province.name}社会科学院`, `${capital.name}党建研究会`][index % 3]!;
  return [name, reviewerEmail(index), expertise, capacity, capital.code, place];
}

async function sheetOf(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评审专家');
  sheet.addRow(['姓名', '邮箱', '专长', '上限', '行政区划', '工作单位']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The organizer imports the pool's sheet into ctx.slug's pool; each expert accepts the mailed
 * invitation, signing up first unless `signUp` is false (they have an account from another
 * campaign's pool). Returns the step's line.
 */
export async function importReviewerPool(ctx: DemoContext, state: DemoState, signUp: boolean): Promise<string> {
  const organizer = state.organizer!;
  const campaign = (await getCampaign(ctx.db, ctx.slug)).definition;
  const rows = Array.from({ length: REVIEWERS }, (_, i) => rowOf(i, state, campaign));
  const sheet = await readImportSheet(ctx.db, organizer, ctx.slug, await sheetOf(rows));
  const report = await inTransaction(ctx.db, (trx) => commitReviewerImport(trx, organizer, sheet, 'zh-CN', ctx.clock(), ctx.baseUrl));
  if (report.counts.refused > 0) throw new Error(`reviewer rows refused: ${JSON.stringify(report.rows.filter((r) => r.status === 'refused'))}`);
  state.reviewers = rows.map((r) => r[1]);
  await eachLimited(rows, 4, async ([name, email]) => {
    if (signUp) await createVerifiedAccount(ctx, email, name);
    const actor = await actorOf(ctx, email);
    const token = await tokenFromMail(ctx.db, email, 'reviewer_invite', ctx.clock());
    await inTransaction(ctx.db, (trx) => acceptReviewerInvitation(trx, actor, token, ctx.clock()));
  });
  const atUnits = rows.filter((r) => r[5] && state.units.some((u) => u.name === r[5])).length;
  return `${report.counts.imported} reviewers imported and ${signUp ? 'signed up' : 'accepted with their accounts'}, ${atUnits} working at a submitting unit`;
}

export const reviewersStep: DemoStep = {
  name: 'reviewers',
  run: (ctx, state) => importReviewerPool(ctx, state, true),
};
