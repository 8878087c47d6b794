import type { CaseContent } from '../../../../../core/case/case-content.ts';
import type { CaseDetail, DraftInput } from '../cases-api.ts';

// What the editor owns of a case: everything PUT /cases/:id/draft takes except the version.

export interface DraftFields {
  content: CaseContent;
  declaration: Record<string, string>;
  superiorName: string;
  /** As typed; '' for none. */
  superiorEmail: string;
}

export function fieldsOf(detail: CaseDetail): DraftFields {
  return {
    content: detail.content,
    declaration: detail.declaration,
    superiorName: detail.superiorName,
    superiorEmail: detail.superiorEmail ?? '',
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailOrEmpty(text: string): boolean {
  return text.trim() === '' || EMAIL.test(text.trim());
}

/**
 * The body of a save. An address still being typed is not sent (the server would refuse the
 * whole save); the one the server has stays until the typed one is complete.
 */
export function draftInput(version: number, fields: DraftFields, savedEmail: string | null): DraftInput {
  const email = fields.superiorEmail.trim();
  return {
    version,
    content: fields.content,
    declaration: fields.declaration,
    superiorName: fields.superiorName,
    superiorEmail: email === '' ? null : isEmailOrEmpty(email) ? email : savedEmail,
  };
}

/** Case HTML as the editor writes it and as the server stores it (sanitize-html) compare equal. */
function normalizeHtml(html: string): string {
  return html.replace(/<br\s*\/?>/g, '<br>').replace(/<p>\s*<\/p>/g, '').replace(/>\s+</g, '><').trim();
}

/** A stable fingerprint of the fields, to tell whether anything changed since a save. */
export function fingerprint(fields: DraftFields): string {
  const { content } = fields;
  const sorted = (record: Record<string, string>, html = false) =>
    Object.keys(record).sort().map((k) => [k, html ? normalizeHtml(record[k] ?? '') : record[k]]);
  return JSON.stringify([
    content.title.trim(), content.category, content.keywords, normalizeHtml(content.summary), sorted(content.sections, true),
    sorted(fields.declaration), fields.superiorName, fields.superiorEmail.trim().toLowerCase(),
  ]);
}
