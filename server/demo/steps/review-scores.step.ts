import { REVIEW_TIERS, type ReviewTier } from '../../../core/review/scoring.ts';
import { seededRandom } from '../../../core/random/seeded.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { Actor } from '../../modules/auth/actor.ts';
import { handBackForConflict } from '../../modules/scoring/hand-back.service.ts';
import { listMyAssignments, readAssignedCase, saveReview } from '../../modules/scoring/scoring.service.ts';
import { actorOf, contextAt, eachLimited, type DemoContext } from '../demo-context.ts';
import type { DemoStep } from '../demo-state.ts';
import { solveAndRelease } from './review-assignment.step.ts';

// The campaign in review's scores, part way through: each reviewer opens their assignments in the
// workbench and, by a fixed pattern over all of them (the sign-in page's reviewer first), submits
// six in ten, saves two as drafts and leaves two untouched. Each case has a quality its reviewers
// roughly agree on. One reviewer declares a conflict with an untouched case and hands it back;
// the organizer runs the solver again and releases its replacement.

const PATTERN = ['submit', 'none', 'submit', 'draft', 'submit', 'submit', 'none', 'submit', 'draft', 'submit'] as const;
type Action = (typeof PATTERN)[number];

const COMMENTS: Record<ReviewTier, readonly string[]> = {
  best: [
    '案例主题鲜明，做法系统完整，成效数据翔实，具有较强的示范推广价值。',
    '党组织作用发挥突出，创新举措针对性强，经验可复制、可推广。',
  ],
  excellent: [
    '案例做法具体，成效较为明显，个别环节的佐证材料可进一步充实。',
    '选题贴近基层实际，有一定创新，建议进一步提炼具有普遍意义的经验。',
  ],
  neither: [
    '案例以工作总结为主，创新特色不够突出，成效缺少数据支撑。',
    '做法较为常规，与征集主题的契合度一般，典型性不足。',
  ],
};
const DRAFT_COMMENT = '已通读正文，待核对附件材料后完成评分。';
export const CONFLICT_REASON = '本人曾赴该案例所述单位开展调研指导，与案例单位存在工作联系，申请回避。';

type Assigned = Awaited<ReturnType<typeof readAssignedCase>>;

/**
 * Scores by the case's quality (shared by its reviewers; from its title unless given) and the
 * reviewer's own reading; the tier from the weighted total.
 */
export function reviewOf(assigned: Assigned, reviewerEmail: string, complete: boolean, caseQuality?: number) {
  const quality = caseQuality ?? seededRandom(`quality:${assigned.case.title}`).next();
  const own = seededRandom(`review:${assigned.id}:${reviewerEmail}`);
  const scores: Record<string, number> = {};
  let total = 0;
  const criteria = complete ? assigned.criteria : assigned.criteria.slice(0, 2);
  for (const c of criteria) {
    const levels = c.levels.map((l) => l.score).sort((a, b) => a - b);
    const at = Math.round(quality * (levels.length - 1) + (own.next() - 0.5) * 1.6);
    const score = levels[Math.min(levels.length - 1, Math.max(0, at))]!;
    scores[c.key] = score;
    total += (c.weight * (score - levels[0]!)) / (levels.at(-1)! - levels[0]!);
  }
  if (!complete) return { version: 0, scores, comment: DRAFT_COMMENT, tier: null };
  const share = total / assigned.criteria.reduce((n, c) => n + c.weight, 0);
  const tier: ReviewTier = share >= 0.8 ? REVIEW_TIERS[0] : share >= 0.5 ? REVIEW_TIERS[1] : REVIEW_TIERS[2];
  const comments = COMMENTS[tier];
  return { version: 0, scores, comment: comments[own.int(0, comments.length - 1)]!, tier };
}

async function act(ctx: DemoContext, actor: Actor, id: string, action: Action): Promise<void> {
  if (action === 'none') return;
  const assigned = await readAssignedCase(ctx.db, actor, id, 'zh-CN');
  await inTransaction(ctx.db, (trx) => saveReview(trx, actor, id, reviewOf(assigned, actor.email, action === 'submit'), action === 'submit', 'zh-CN', ctx.clock()));
}

export const reviewScoresStep: DemoStep = {
  name: 'review scores',
  async run(baseCtx, state) {
    const ctx = contextAt(baseCtx, baseCtx.reviewSlug, 0);
    const planned: { actor: Actor; id: string; action: Action }[] = [];
    for (const email of state.reviewers) {
      const actor = await actorOf(ctx, email);
      const { assignments } = await listMyAssignments(ctx.db, actor, 'zh-CN');
      for (const a of assignments) if (a.campaign.slug === ctx.slug) planned.push({ actor, id: a.id, action: PATTERN[planned.length % PATTERN.length]! });
    }
    await eachLimited(planned, 4, ({ actor, id, action }) => act(ctx, actor, id, action));
    // A reviewer other than the sign-in page's declares a conflict with an untouched case.
    const declaring = planned.find((p) => p.action === 'none' && p.actor.email !== state.reviewers[0]);
    let reassigned = 0;
    if (declaring) {
      await inTransaction(ctx.db, (trx) => handBackForConflict(trx, declaring.actor, declaring.id, CONFLICT_REASON, ctx.clock(), ctx.baseUrl));
      reassigned = (await solveAndRelease(ctx, state.organizer!)).release.released;
    }
    const count = (action: Action) => planned.filter((p) => p.action === action).length;
    return `${count('submit')} reviews submitted, ${count('draft')} drafts, ${count('none') - (declaring ? 1 : 0)} not started of ${planned.length}`
      + (declaring ? `; 1 handed back for a declared conflict, ${reassigned} reassigned` : '');
  },
};
