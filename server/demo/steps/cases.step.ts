import { generateCase, type GeneratedCase } from '../../../core/demo/case-text.ts';
import { caseContentInputSchema } from '../../../core/case/case-content.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createCase, saveDraft } from '../../modules/cases/cases.service.ts';
import { eachLimited, type DemoContext } from '../demo-context.ts';
import { rewordCase } from '../demo-reword.ts';
import type { DemoCase, DemoStep, DemoUnit, NearDuplicate } from '../demo-state.ts';

// Most units write a case (one in thirteen has not started); the text comes from the phrase banks
// by the unit's category, name and place. Unit COPY_UNIT's case is unit ORIGINAL_UNIT's reworded:
// both are state-owned enterprises' cases, from 河北省 and 上海市.

export const ORIGINAL_UNIT = 2;
export const COPY_UNIT = 8;

export const hasCase = (index: number) => index % 13 !== 12;

const OPINIONS = ['经支部委员会研究，同意申报。', '该案例真实可信，同意申报。', '经党委会议研究，同意报送该案例。'];

/** The unit's text for the campaign; `variant` (empty for the first campaign) gives the unit another one. */
function textOf(unit: DemoUnit, variant: string): GeneratedCase {
  return generateCase(`demo:${unit.index}${variant}`, { category: unit.category, unitName: unit.name, division: unit.division });
}

/** The draft created and saved as the editor saves it: the content, the unit's own form fields. */
async function writeCase(ctx: DemoContext, unit: DemoUnit, content: GeneratedCase): Promise<DemoCase> {
  const actor = unit.operator;
  const created = await inTransaction(ctx.db, (trx) => createCase(trx, actor, ctx.slug, { organizationId: unit.id, title: content.title }, ctx.clock()));
  const input = {
    version: created.version,
    content: caseContentInputSchema.parse(content),
    declaration: { postcode: String(100000 + unit.index * 37).slice(0, 6), 'unit-opinion': OPINIONS[unit.index % OPINIONS.length]! },
    superiorName: created.superiorName,
    superiorEmail: created.superiorEmail,
  };
  await inTransaction(ctx.db, (trx) => saveDraft(trx, actor, created.id, input, ctx.clock()));
  return { id: created.id, unit, content };
}

/**
 * A draft for each of `writers` in ctx.slug, unit COPY_UNIT's (when it writes) unit ORIGINAL_UNIT's
 * text reworded; the text differs by `variant` from campaign to campaign.
 */
export async function writeCases(ctx: DemoContext, units: readonly DemoUnit[], writers: readonly DemoUnit[], variant: string): Promise<{ cases: DemoCase[]; nearDuplicate?: NearDuplicate }> {
  const cases: DemoCase[] = new Array(writers.length);
  await eachLimited(writers, 4, async (unit, i) => {
    let content = textOf(unit, variant);
    if (unit.index === COPY_UNIT && units[ORIGINAL_UNIT]) {
      const original = units[ORIGINAL_UNIT];
      content = rewordCase(textOf(original, variant), original.name, content, unit.name, String(unit.index));
    }
    cases[i] = await writeCase(ctx, unit, content);
    if ((i + 1) % 50 === 0) ctx.log(`  cases: ${i + 1}/${writers.length}`);
  });
  const original = cases.find((c) => c.unit.index === ORIGINAL_UNIT);
  const copy = cases.find((c) => c.unit.index === COPY_UNIT);
  return { cases, nearDuplicate: original && copy ? { original, copy } : undefined };
}

export const describeDrafts = ({ cases, nearDuplicate: pair }: { cases: DemoCase[]; nearDuplicate?: NearDuplicate }) =>
  `${cases.length} drafts${pair ? `, near-duplicate planted: “${pair.copy.content.title}” copies “${pair.original.content.title}”` : ''}`;

export const casesStep: DemoStep = {
  name: 'cases',
  async run(ctx, state) {
    const written = await writeCases(ctx, state.units, state.units.filter((u) => hasCase(u.index)), '');
    state.cases = written.cases;
    state.nearDuplicate = written.nearDuplicate;
    return describeDrafts(written);
  },
};
