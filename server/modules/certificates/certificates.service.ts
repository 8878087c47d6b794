import type { Kysely } from 'kysely';
import { CERTIFICATE_PATH, type CaseResult } from '../../../core/api/certificates.ts';
import { normalizeSerial } from '../../../core/certificates/serial.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { translator } from '../../../core/i18n/messages.ts';
import type { Database } from '../../db/schema.ts';
import { certificateDate, certificateFileName, renderCertificatePdf } from '../../documents/certificate-pdf.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { getCampaignById, type StoredCampaign } from '../campaigns/campaigns.service.ts';
import { loadVisibleCase } from '../cases/case-access.ts';
import { findCertificateBySerial, findFinalResultOfCase } from './certificates.repository.ts';

// Certificates of final results (decision 0034). The public page confirms a certificate by
// looking its number up: what it shows comes from the database, never from the link, so a link
// with a made-up or edited number is refused rather than believed.


/** The public page that confirms the certificate numbered `serial`, as its QR code encodes it. */
export const certificateVerifyUrl = (baseUrl: string, serial: string, locale: Locale) =>
  `${baseUrl}${CERTIFICATE_PATH}/${encodeURIComponent(serial)}${locale === 'en' ? '?lang=en' : ''}`;

const tierName = (campaign: StoredCampaign, tier: 'best' | 'excellent', locale: Locale) =>
  campaign.definition.tiers.find((t) => t.key === tier)?.name[locale] ?? translator(locale)(`certificates.tier.${tier}`);

/** The case's final result for those who may see the case (its unit's operators, the campaign's organizers); null before it is final. */
export async function caseResult(db: Kysely<Database>, actor: Actor, caseId: string, baseUrl: string, locale: Locale): Promise<CaseResult> {
  const { row: c, campaign } = await loadVisibleCase(db, actor, caseId);
  const row = await findFinalResultOfCase(db, caseId);
  if (!row) {
    // Every submitted case has a result once the campaign is final: off the list is one too.
    const final = campaign.phase === 'final' && c.status === 'submitted' && campaign.phaseChangedAt;
    return final ? { tier: 'none', finalizedAt: campaign.phaseChangedAt! } : null;
  }
  return {
    tier: row.tier,
    finalizedAt: row.finalized_at,
    serial: row.serial,
    certificateUrl: `/api/v1/cases/${encodeURIComponent(caseId)}/certificate.pdf`,
    verifyUrl: certificateVerifyUrl(baseUrl, row.serial, locale),
  };
}

/** The certificate PDF of the case in `locale`, for those who may see the case; not_found when it has none. */
export async function caseCertificate(db: Kysely<Database>, actor: Actor, caseId: string, baseUrl: string, locale: Locale): Promise<{ fileName: string; pdf: Buffer }> {
  const c = await loadVisibleCase(db, actor, caseId);
  const result = await findFinalResultOfCase(db, caseId);
  const found = result && await findCertificateBySerial(db, result.serial);
  if (!found) throw new AppError('not_found');
  const { definition } = c.campaign;
  const pdf = await renderCertificatePdf({
    serial: found.serial,
    unitName: found.unit_name,
    caseTitle: found.case_title,
    tierName: tierName(c.campaign, found.tier, locale),
    campaignTitle: definition.title[locale],
    organizers: definition.organizers.map((o) => o.name[locale]),
    date: certificateDate(new Date(found.finalized_at), definition.window.timeZone, locale),
    verifyUrl: certificateVerifyUrl(baseUrl, found.serial, locale),
  }, locale);
  return { fileName: certificateFileName(found.serial, locale), pdf };
}

export type CertificateCheck =
  | { kind: 'malformed'; asked: string }
  | { kind: 'unknown'; serial: string }
  | { kind: 'found'; serial: string; unitName: string; caseTitle: string; tier: 'best' | 'excellent'; tierName: string; campaignTitle: string; organizers: string[]; date: string };

/** What the public page may say about the certificate numbered `asked`: all it states when issued and final, that it was not otherwise. */
export async function checkCertificate(db: Kysely<Database>, asked: string, locale: Locale): Promise<CertificateCheck> {
  const serial = normalizeSerial(asked);
  if (!serial) return { kind: 'malformed', asked };
  const found = await findCertificateBySerial(db, serial);
  if (!found) return { kind: 'unknown', serial };
  const campaign = await getCampaignById(db, found.campaign_id);
  const { definition } = campaign;
  return {
    kind: 'found',
    serial: found.serial,
    unitName: found.unit_name,
    caseTitle: found.case_title,
    tier: found.tier,
    tierName: tierName(campaign, found.tier, locale),
    campaignTitle: definition.title[locale],
    organizers: definition.organizers.map((o) => o.name[locale]),
    date: certificateDate(new Date(found.finalized_at), definition.window.timeZone, locale),
  };
}
