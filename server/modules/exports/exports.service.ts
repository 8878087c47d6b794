import type { Kysely } from 'kysely';
import type { ExportKind } from '../../../core/api/exports.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translate } from '../../../core/i18n/messages.ts';
import { formatInZone } from '../../../core/time/zoned-time.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';
import type { AttachmentCheck } from '../cases/submission.service.ts';
import { computeRanking } from '../ranking/ranking.service.ts';
import { ensureFormatReports } from '../screening/screening-report.service.ts';
import { campaignForOrganizer } from '../screening/screening.service.ts';
import { exportSheet, type ExportSheet } from './exports.sheets.ts';

export interface OpenedExport {
  /** The download's name in the caller's language, and an ASCII one for old clients. */
  fileName: string;
  asciiName: string;
  sheet: ExportSheet;
}

/**
 * An export of the campaign, for its organizers (and the platform's) only: anyone else is refused
 * before a byte is written, as the ranking refuses them. Reviewer identities and the contact
 * details of objections' authors are in it, which is why no one else may have it.
 */
export async function openExport(
  db: Kysely<Database>, actor: Actor, slug: string, kind: ExportKind, locale: Locale, readable: AttachmentCheck, now: Date,
): Promise<OpenedExport> {
  const campaign = await campaignForOrganizer(db, actor, slug);
  // A case's category is the one of its submitted version, from the format report.
  if (kind === 'cases') await ensureFormatReports(db, campaign, readable, now);
  const sheet = exportSheet(kind, {
    db, campaign, locale,
    ranking: async () => (await computeRanking(db, actor, slug, readable, now)).ranking,
  });
  const stamp = formatInZone(now, campaign.definition.window.timeZone).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
  const base = translate(locale, 'export.file', { campaign: campaign.definition.shortTitle[locale], kind: sheet.name });
  return { fileName: `${base}-${stamp}.xlsx`, asciiName: `${slug}-${kind}-${stamp}.xlsx`, sheet };
}
