import { CATEGORY_KEYS, type CategoryKey } from '../../../core/demo/case-text.ts';
import { demoUnitName } from '../../../core/demo/unit-name.ts';
import type { OrgLevel } from '../../../core/org/org-name.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { organizationInputSchema } from '../../modules/organizations/organization-input.ts';
import { registerUnit } from '../../modules/organizations/organizations.service.ts';
import { unitOperatorEmail } from '../demo-accounts.ts';
import { actorOf, createVerifiedAccount, eachLimited, type DemoContext } from '../demo-context.ts';
import { unitDivision } from '../demo-divisions.ts';
import { address, mobile, personName, position } from '../demo-people.ts';
import type { DemoStep, DemoUnit } from '../demo-state.ts';

const LEVEL: Record<CategoryKey, OrgLevel> = {
  rural: 'village', urban: 'township', soe: 'city', organs: 'county', institutions: 'county', 'new-sectors': 'county',
};

/** Registers unit `index` as its operator would, taking the next name when one is taken in the county. */
async function registerDemoUnit(ctx: DemoContext, index: number): Promise<DemoUnit> {
  const category = CATEGORY_KEYS[index % CATEGORY_KEYS.length]!;
  const division = unitDivision(index);
  const email = unitOperatorEmail(index);
  const contactName = personName(`unit:${index}`);
  await createVerifiedAccount(ctx, email, contactName);
  const operator = await actorOf(ctx, email);
  const place = division.path.map((p) => p.name).join('');
  for (let attempt = 0; ; attempt += 1) {
    const name = demoUnitName(attempt === 0 ? index : `${index}:${attempt}`, category, division);
    const input = organizationInputSchema.parse({
      name, type: category, level: LEVEL[category], divisionCode: division.code,
      superiorName: `中共${division.name}委员会`, address: address(`unit:${index}`, place),
      contactName, contactPosition: position(`unit:${index}`), contactPhone: mobile(`unit:${index}`), contactEmail: email,
    });
    try {
      const unit = await inTransaction(ctx.db, (trx) => registerUnit(trx, operator, input, ctx.clock()));
      // Signed in again: the session now acts for the unit.
      return { index, id: unit.id, name: unit.name, category, division, operator: await actorOf(ctx, email) };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'unit_exists') || attempt > 5) throw error;
    }
  }
}

/** The submitting units, each registered by its own operator, spread over every province. */
export const unitsStep: DemoStep = {
  name: 'units',
  async run(ctx, state) {
    const units: DemoUnit[] = new Array(ctx.units);
    await eachLimited([...Array(ctx.units).keys()], 4, async (index) => {
      units[index] = await registerDemoUnit(ctx, index);
      if ((index + 1) % 50 === 0) ctx.log(`  units: ${index + 1}/${ctx.units}`);
    });
    state.units = units;
    return `${units.length} units in ${new Set(units.map((u) => u.division.path[0]!.code)).size} provinces`;
  },
};
