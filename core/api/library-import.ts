import { z } from 'zod';
import { dataOf } from './envelope.ts';

// What the import of earlier editions' cases answers (server/modules/library-import; decision 0044).

export const importReportRowSchema = z.object({
  /** The spreadsheet's row number, or the JSON item's (from 1). */
  line: z.number().int(),
  status: z.enum(['ok', 'duplicate', 'error']),
  edition: z.number().int().nullable(),
  title: z.string(),
  unitName: z.string(),
  problems: z.array(z.object({ code: z.string(), column: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
});

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(['json', 'xlsx']),
  rows: z.array(importReportRowSchema),
  counts: z.object({ ok: z.number().int(), duplicate: z.number().int(), error: z.number().int() }),
  editions: z.array(z.object({ edition: z.number().int(), slug: z.string(), title: z.string(), exists: z.boolean() })),
  written: z.number().int(),
});

export const importReportResponse = dataOf(importReportSchema);
