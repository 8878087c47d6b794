import type { z } from 'zod';
import type { importReportResponse, importReportSchema } from '../../../../core/api/library-import.ts';
import { api, ApiError } from '../api.ts';

export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportRow = ImportReport['rows'][number];

const url = (slug: string, dryRun: boolean, name: string) =>
  `/api/v1/campaigns/${encodeURIComponent(slug)}/earlier-editions/import?dryRun=${dryRun}&name=${encodeURIComponent(name)}`;

/** POST the file's bytes as they are (the server tells JSON from XLSX by their content). */
export async function sendImport(slug: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const answer = await api.upload<z.infer<typeof importReportResponse>>(url(slug, dryRun, file.name), file.slice(0, file.size, 'application/octet-stream'));
  return answer.data;
}

/** The report a refused real run carries (library_import_rejected), to show in place of the dry run's. */
export function reportOfRefusal(error: unknown): ImportReport | null {
  if (error instanceof ApiError && error.code === 'library_import_rejected' && error.details && typeof error.details === 'object' && 'rows' in error.details) {
    return error.details as ImportReport;
  }
  return null;
}
