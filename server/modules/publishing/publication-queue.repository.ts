import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CopyState, QueueFilter } from '../../../core/publishing/publication-queue.ts';
import type { Database } from '../../db/schema.ts';

// SQL of the publishing queue: a campaign's cases that may be shown now or have a public copy,
// filtered, counted and paged in the database, so a campaign of thousands of cases never travels
// whole. Which cases may be shown is publicationRefusal (core/publishing/publication-rules.ts)
// for one campaign, whose phase and display setting are known before the query is built.

export interface QueueFacts {
  campaignId: string;
  final: boolean;
  displayDuringCollection: boolean;
  /** The campaign's category keys in its order: the queue's order within a tier. */
  categories: readonly string[];
}

export interface QueuePage {
  filter: QueueFilter | null;
  category: string | null;
  limit: number;
  offset: number;
}

/** publicationRefusal(…) === null, for a case of this campaign. */
function mayBeShown(facts: QueueFacts): Expression<SqlBool> {
  const passed = sql<SqlBool>`(c.status = 'submitted' and c.screening = 'passed')`;
  const chosen = sql<SqlBool>`(c.status = 'submitted' and f.tier is not null)`;
  if (facts.final) return facts.displayDuringCollection ? sql<SqlBool>`(${chosen} or ${passed})` : chosen;
  return facts.displayDuringCollection ? passed : sql<SqlBool>`1 = 0`;
}

const category = sql<string | null>`coalesce(p.category, r.category)`;

const STATES: Record<QueueFilter, Expression<SqlBool>> = {
  none: sql<SqlBool>`p.id is null`,
  draft: sql<SqlBool>`(p.state = 'unpublished' and p.first_published_at is null)`,
  published: sql<SqlBool>`p.state = 'published'`,
  taken_down: sql<SqlBool>`(p.state = 'unpublished' and p.first_published_at is not null)`,
  // Made from an older submitted version than the case's current one.
  stale: sql<SqlBool>`(p.id is not null and (s.id is null or p.submission_id <> s.id))`,
};

function queueBase(db: Kysely<Database>, facts: QueueFacts, filters: Pick<QueuePage, 'category'>) {
  let query = db
    .selectFrom('cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .leftJoin('published_cases as p', 'p.case_id', 'c.id')
    .leftJoin('case_submissions as s', (j) => j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.submission_count'))
    .leftJoin('screening_reports as r', 'r.submission_id', 's.id')
    .leftJoin('final_results as f', (j) => j.onRef('f.case_id', '=', 'c.id').onRef('f.campaign_id', '=', 'c.campaign_id'))
    .where('c.campaign_id', '=', facts.campaignId)
    .where((eb) => eb.or([eb('p.id', 'is not', null), mayBeShown(facts)]));
  if (filters.category) query = query.where(sql<SqlBool>`${category} = ${filters.category}`);
  return query;
}

/** Final best cases first, then excellent (once results are final), then by the campaign's category order; title and id after. */
function ranks(facts: QueueFacts): Expression<number>[] {
  // Only expressions: a bare number in ORDER BY would name a column by its place.
  const out: Expression<number>[] = [];
  if (facts.final) out.push(sql<number>`case f.tier when 'best' then 0 when 'excellent' then 1 else 2 end`);
  if (facts.categories.length > 0) {
    out.push(sql<number>`case ${sql.join(facts.categories.map((key, i) => sql`when ${category} = ${key} then ${sql.lit(i)}`), sql` `)} else ${sql.lit(facts.categories.length)} end`);
  }
  return out;
}

/** One page of the queue. */
export async function listQueuePage(db: Kysely<Database>, facts: QueueFacts, page: QueuePage) {
  let query = queueBase(db, facts, page);
  if (page.filter) query = query.where(STATES[page.filter]);
  for (const rank of ranks(facts)) query = query.orderBy(rank);
  return query
    .select([
      'c.id as case_id', 'c.status', 'c.screening', 'o.name as unit_name', 'o.division_code', 'f.tier as final_tier', 's.id as submission_id',
      'p.id as public_id', 'p.state', 'p.version', 'p.first_published_at', 'p.published_at', 'p.unpublished_at', 'p.updated_at', 'p.submission_id as copy_submission_id',
    ])
    .select([sql<string>`coalesce(p.title, c.title)`.as('title'), category.as('category')])
    .orderBy(sql`coalesce(p.title, c.title)`)
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

const asCount = (condition: Expression<SqlBool>) => sql<number | string | null>`sum(case when ${condition} then 1 else 0 end)`;

/** How many cases each state and the stale flag hold under the category chosen (whatever the state chosen), and all of them. */
export async function countQueue(db: Kysely<Database>, facts: QueueFacts, filters: Pick<QueuePage, 'category'>): Promise<Record<CopyState | 'stale' | 'all', number>> {
  const row = await queueBase(db, facts, filters)
    .select([
      sql<number | string>`count(*)`.as('all'), asCount(STATES.none).as('none'), asCount(STATES.draft).as('draft'),
      asCount(STATES.published).as('published'), asCount(STATES.taken_down).as('taken_down'), asCount(STATES.stale).as('stale'),
    ])
    .executeTakeFirstOrThrow();
  const n = (v: unknown) => Number(v ?? 0);
  return { all: n(row.all), none: n(row.none), draft: n(row.draft), published: n(row.published), taken_down: n(row.taken_down), stale: n(row.stale) };
}
