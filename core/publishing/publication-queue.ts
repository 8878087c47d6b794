// The publishing queue (issue 16, item 6; decision 0043): a campaign's cases that may be shown
// now or have a public copy, each with the state of its copy. The state is one of four; `stale`
// (the case was submitted again since the copy was made) crosses them, so it is a flag on the row
// and a filter and a count of its own.

export const COPY_STATES = ['none', 'draft', 'published', 'taken_down'] as const;
export type CopyState = (typeof COPY_STATES)[number];

/** What the queue can be filtered by: a copy state, or the stale copies whatever their state. */
export const QUEUE_FILTERS = [...COPY_STATES, 'stale'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export const QUEUE_PAGE_SIZE_MAX = 100;

/** none: no copy; draft: made, never shown; published: shown now; taken_down: shown once, unpublished since. */
export function copyState(copy: { state: 'published' | 'unpublished'; firstPublishedAt: string | null } | null): CopyState {
  if (!copy) return 'none';
  if (copy.state === 'published') return 'published';
  return copy.firstPublishedAt === null ? 'draft' : 'taken_down';
}
