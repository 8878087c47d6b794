import type { ScreeningState } from './screening-decision.ts';

// The queue's filters and sort as the page sends them, turned into the parameters one query
// takes: unknown categories and malformed provinces are refused rather than silently matching
// nothing, and a page never asks for more rows than the server serves at once.

export const SCREENING_FLAGS = ['similar', 'same_file', 'not_recommended', 'preflight'] as const;
export type ScreeningFlag = (typeof SCREENING_FLAGS)[number];

export const SCREENING_SORTS = ['submitted', 'similarity', 'title', 'unit'] as const;
export type ScreeningSort = (typeof SCREENING_SORTS)[number];

export const MAX_PAGE_SIZE = 100;

export interface ScreeningFilterInput {
  category?: string | undefined;
  province?: string | undefined;
  state?: ScreeningState | undefined;
  flags?: readonly ScreeningFlag[] | undefined;
  q?: string | undefined;
  sort?: ScreeningSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface ScreeningQuery {
  category: string | null;
  /** Two-digit province code: the first two digits of a division code. */
  province: string | null;
  state: ScreeningState | null;
  flags: ScreeningFlag[];
  q: string | null;
  sort: ScreeningSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export type QueryRefusal = { field: 'category'; value: string } | { field: 'province'; value: string };

/** The query parameters, or why the filters cannot be applied. */
export function screeningQuery(input: ScreeningFilterInput, categories: readonly string[]): ScreeningQuery | QueryRefusal {
  const category = input.category?.trim() || null;
  if (category && !categories.includes(category)) return { field: 'category', value: category };
  const rawProvince = input.province?.trim() || null;
  if (rawProvince && !/^\d{2}(0000)?$/.test(rawProvince)) return { field: 'province', value: rawProvince };
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(input.pageSize ?? 50)));
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const sort = input.sort ?? 'submitted';
  return {
    category,
    province: rawProvince ? rawProvince.slice(0, 2) : null,
    state: input.state ?? null,
    flags: [...new Set(input.flags ?? [])].sort(),
    q: input.q?.trim() || null,
    sort,
    // Most similar first; oldest submission first, so the queue is worked in arrival order.
    order: input.order ?? (sort === 'similarity' ? 'desc' : 'asc'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
}

export function isQueryRefusal(value: ScreeningQuery | QueryRefusal): value is QueryRefusal {
  return 'field' in value;
}
