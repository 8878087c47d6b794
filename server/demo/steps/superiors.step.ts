import { inTransaction } from '../../db/transaction.ts';
import { organizationInputSchema } from '../../modules/organizations/organization-input.ts';
import { registerUnit } from '../../modules/organizations/organizations.service.ts';
import { superiorMemberEmail } from '../demo-accounts.ts';
import { actorOf, createVerifiedAccount } from '../demo-context.ts';
import { capitalOf, provincialDepartmentName, unitDivision } from '../demo-divisions.ts';
import { address, mobile, personName } from '../demo-people.ts';
import type { DemoStep } from '../demo-state.ts';

/**
 * The superior organizations that recommend cases: the organization department of each province
 * the units sit in, registered as a unit by one of its staff, who then recommends signed in.
 */
export const superiorsStep: DemoStep = {
  name: 'superior organizations',
  async run(ctx, state) {
    const provinces = new Map<string, string>();
    for (let i = 0; i < ctx.units; i += 1) {
      const province = unitDivision(i).path[0]!;
      provinces.set(province.code, province.name);
    }
    for (const [code, provinceName] of provinces) {
      const email = superiorMemberEmail(code);
      const contactName = personName(`superior:${code}`);
      await createVerifiedAccount(ctx, email, contactName);
      const actor = await actorOf(ctx, email);
      const capital = capitalOf(code);
      const input = organizationInputSchema.parse({
        name: provincialDepartmentName(provinceName), type: 'organs', level: 'province', divisionCode: code,
        superiorName: '中共中央组织部', address: address(code, capital.path.map((p) => p.name).join('')),
        contactName, contactPosition: '组织一处处长', contactPhone: mobile(`superior:${code}`), contactEmail: email,
      });
      const unit = await inTransaction(ctx.db, (trx) => registerUnit(trx, actor, input, ctx.clock()));
      state.superiors.set(code, { id: unit.id, name: unit.name, provinceCode: code, member: await actorOf(ctx, email) });
    }
    return `${state.superiors.size} provincial organization departments`;
  },
};
