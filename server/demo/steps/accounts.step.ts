import { inTransaction } from '../../db/transaction.ts';
import { becomeLearner } from '../../modules/accounts/account-settings.service.ts';
import { ensureFirstOrganizer } from '../../modules/accounts/accounts.service.ts';
import { DEMO_LEARNER_EMAIL, DEMO_ORGANIZER_EMAIL, DEMO_PASSWORD } from '../demo-accounts.ts';
import { actorOf, createVerifiedAccount } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';

/** The organizer (made platform organizer as ZHENGJI_ADMIN_EMAIL would) and a learner. */
export const accountsStep: DemoStep = {
  name: 'accounts',
  async run(ctx, state) {
    await createVerifiedAccount(ctx, DEMO_ORGANIZER_EMAIL, '演示主办方');
    const outcome = await ensureFirstOrganizer(ctx.db, { email: DEMO_ORGANIZER_EMAIL, password: DEMO_PASSWORD }, ctx.clock());
    if (outcome !== 'granted') throw new Error(`the demo organizer was not made organizer (${outcome}): seed an empty data folder`);
    state.organizer = await actorOf(ctx, DEMO_ORGANIZER_EMAIL);
    await createVerifiedAccount(ctx, DEMO_LEARNER_EMAIL, '演示学员');
    const learner = await actorOf(ctx, DEMO_LEARNER_EMAIL);
    await inTransaction(ctx.db, (trx) => becomeLearner(trx, learner, ctx.clock()));
    return `organizer ${DEMO_ORGANIZER_EMAIL}, learner ${DEMO_LEARNER_EMAIL}`;
  },
};
