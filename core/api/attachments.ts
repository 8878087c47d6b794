import { z } from 'zod';
import { dataOf, listOf } from './envelope.ts';

// Answers of the attachment and Word-import routes (server/modules/attachments, server/modules/imports).

/** A file of the case's working copy, with its picture size and where to fetch it. */
export const attachmentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fileUrl: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
});
export const attachmentsResponse = listOf(attachmentSchema);

/** A Word file split by its headings: sanitized HTML per part; nothing is saved. */
export const importProposalSchema = z.object({
  title: z.string(),
  summary: z.string().describe('sanitized HTML'),
  keywords: z.array(z.string()),
  sections: z.record(z.string(), z.string()).describe('sanitized HTML by element key'),
  unmatched: z.array(z.object({ heading: z.string().nullable(), html: z.string() })),
  warnings: z.array(z.object({ code: z.string(), section: z.string().optional(), count: z.number().optional() })),
});
export const importProposalResponse = dataOf(importProposalSchema);
