import { inTransaction } from '../../db/transaction.ts';
import { chooseSuperiorUnit, decideAsSuperiorMember, superiorMemberView } from '../../modules/cases/superior-member.service.ts';
import { requestSuperiorReview } from '../../modules/cases/superior-review.service.ts';
import { eachLimited, type DemoContext } from '../demo-context.ts';
import type { DemoCase, DemoState, DemoStep } from '../demo-state.ts';

// Four cases in five ask their province's organization department for a recommendation, and it
// recommends them, signed in, on the text it read.

const OPINIONS = [
  '该案例做法扎实、成效明显，具有较强的示范意义，同意推荐。',
  '经审核，案例内容真实，创新特色鲜明，同意推荐参加征集活动。',
  '该单位党组织作用发挥突出，案例经验可复制、可推广，同意推荐。',
];

export const asksRecommendation = (index: number) => index % 5 !== 4;

/** Each case asks its province's organization department for a recommendation, which recommends it. */
export async function recommendCases(ctx: DemoContext, state: DemoState, cases: readonly DemoCase[]): Promise<void> {
  await eachLimited(cases, 4, async (c) => {
    const superior = state.superiors.get(c.unit.division.path[0]!.code)!;
    await inTransaction(ctx.db, async (trx) => {
      await chooseSuperiorUnit(trx, c.unit.operator, c.id, superior.id, ctx.clock());
      await requestSuperiorReview(trx, c.unit.operator, c.id, ctx.clock(), ctx.baseUrl);
    });
    const view = await superiorMemberView(ctx.db, superior.member, c.id);
    const opinion = OPINIONS[c.unit.index % OPINIONS.length]!;
    await inTransaction(ctx.db, (trx) => decideAsSuperiorMember(trx, superior.member, c.id, { decision: 'recommend', opinion, contentSha256: view.contentSha256 }, ctx.clock()));
  });
}

export const recommendationsStep: DemoStep = {
  name: 'recommendations',
  async run(ctx, state) {
    const asking = state.cases.filter((c) => asksRecommendation(c.unit.index));
    await recommendCases(ctx, state, asking);
    return `${asking.length} cases recommended by their superior organization`;
  },
};
