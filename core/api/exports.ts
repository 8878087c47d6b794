import { z } from 'zod';

// The campaign's exports, one workbook each (docs/decisions/0033-exports.md): the list the server
// routes on and the workbench offers, in the order of the campaign's stages.
export const EXPORT_KINDS = ['cases', 'screening', 'assignments', 'scores', 'selection', 'objections'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const exportKindSchema = z.enum(EXPORT_KINDS);

/** The download's address for a campaign and kind. */
export function exportUrl(slug: string, kind: ExportKind): string {
  return `/api/v1/campaigns/${encodeURIComponent(slug)}/exports/${kind}`;
}
