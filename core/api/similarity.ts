import { z } from 'zod';
import { dataOf } from './envelope.ts';

// Answers about near-duplicates (server/modules/similarity): a case's report, the state of its
// check, and the import of reference cases from earlier campaigns.

const message = z.object({ code: z.string(), message: z.string() });
const checkState = z.enum(['not_submitted', 'pending', 'done']);

/** A passage of one text with its context: `text` is what the two texts share. */
const excerpt = z.object({
  before: z.string(), text: z.string(), after: z.string(), clippedBefore: z.boolean(), clippedAfter: z.boolean(),
});

export const similarityMatchSchema = z.object({
  kind: z.enum(['case', 'reference']),
  caseId: z.string().nullable(),
  referenceId: z.string().nullable(),
  title: z.string(),
  unitName: z.string().nullable(),
  /** For a reference case: the earlier campaign it came from. */
  source: z.string().nullable(),
  /** Containment of the shorter text in the other, estimated from signatures and counted exactly. */
  estimated: z.number(),
  exact: z.number(),
  /** Overlapping passages: `a` in this case, `b` in the other. */
  passages: z.array(z.object({ shared: z.number().int(), a: excerpt, b: excerpt })),
});

export const similarityReportResponse = dataOf(z.object({
  state: checkState,
  checkedAt: z.string().nullable(),
  threshold: z.number(),
  matches: z.array(similarityMatchSchema),
  /** Files of the submitted version that are byte for byte a file of another case of the campaign. */
  sameFiles: z.array(z.object({
    fileName: z.string(),
    sha256: z.string(),
    others: z.array(z.object({ caseId: z.string(), title: z.string(), fileName: z.string() })),
  })),
}));

export const similarityStatusResponse = dataOf(z.object({ state: checkState, checkedAt: z.string().nullable() }));

export const referenceImportResponse = dataOf(z.object({
  committed: z.boolean(),
  counts: z.object({ imported: z.number().int(), skipped: z.number().int(), refused: z.number().int() }),
  total: z.number().int(),
  rows: z.array(z.object({
    row: z.number().int(),
    title: z.string().nullable(),
    source: z.string().nullable(),
    status: z.enum(['imported', 'skipped', 'refused']),
    problems: z.array(message),
  })),
}));
