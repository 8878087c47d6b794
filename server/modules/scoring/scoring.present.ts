import type { z } from 'zod';
import type { assignedCaseResponse, myAssignmentSchema, reviewSchema } from '../../../core/api/reviews.ts';
import type { CriterionScale } from '../../../core/campaign/review-settings.schema.ts';
import { caseContentSchema, type CaseContent } from '../../../core/case/case-content.ts';
import { declarationValues, type DeclarationUnit } from '../../../core/case/declaration-fields.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { blindContent, blindDeclaration, identityStrings, isBlindVisibleAttachment, maskIdentity } from '../../../core/review/blind.ts';
import { weightedTotal, type ReviewTier } from '../../../core/review/scoring.ts';
import { formatInZone, zonedLocalToUtc } from '../../../core/time/zoned-time.ts';
import type { StoredCampaign } from '../campaigns/campaigns.service.ts';
import type { OwnAssignment, ReviewRow } from './scoring.repository.ts';

// What a reviewer reads of an assigned case: the submitted version it was assigned at, in the
// caller's language, with the unit's identity taken out when the campaign reviews blind
// (core/review/blind.ts). Nothing here names another reviewer.

type AssignedCase = z.infer<typeof assignedCaseResponse>['data'];
type SubmittedFile = { id: string; kind: string; fileName: string; size: number; mediaType: string; sha256: string };

/** The campaign's scales in the order of its criteria. */
export function scalesOf(campaign: StoredCampaign): CriterionScale[] {
  const byKey = new Map(campaign.definition.review.criteria.map((s) => [s.criterion, s]));
  return campaign.definition.criteria.map((c) => byKey.get(c.key)!).filter(Boolean);
}

/** The last second of the review, as an instant and as the campaign's clock shows it. */
export function dueOf(campaign: StoredCampaign, locale: Locale) {
  const { window, review } = campaign.definition;
  const at = new Date(zonedLocalToUtc(review.dueAt, window.timeZone).getTime() + 999);
  return { dueAt: at.toISOString(), dueAtLocal: formatInZone(at, window.timeZone), zone: window.timeZoneLabel[locale] };
}

function unitOf(a: OwnAssignment): DeclarationUnit {
  return {
    name: a.unit_name, address: a.unit_address, contactName: a.contact_name, contactPosition: a.contact_position,
    contactPhone: a.contact_phone, contactEmail: a.contact_email, superiorName: a.case_superior_name || a.unit_superior_name,
  };
}

/** The assigned version's content and declaration values, masked in blind review. */
export function submittedCaseOf(a: OwnAssignment, campaign: StoredCampaign) {
  const canonical = JSON.parse(a.submitted_content) as { declaration?: Record<string, string> };
  const content: CaseContent = caseContentSchema.parse(canonical);
  const unit = unitOf(a);
  const fields = campaign.definition.declarationForm.fields;
  const values = declarationValues(fields, content, unit, canonical.declaration ?? {});
  if (!campaign.definition.review.blind) return { content, declaration: values as Record<string, string | null>, identities: [] as string[] };
  const identities = identityStrings(unit);
  return { content: blindContent(content, identities), declaration: blindDeclaration(fields, values, identities), identities };
}

/** The files of the assigned version a reviewer may open: in blind review not the form's. */
export function visibleFilesOf(a: OwnAssignment, campaign: StoredCampaign): SubmittedFile[] {
  const files = JSON.parse(a.submitted_attachments) as SubmittedFile[];
  return campaign.definition.review.blind ? files.filter((f) => isBlindVisibleAttachment(f.kind)) : files;
}

export function presentReview(row: ReviewRow, scales: readonly CriterionScale[]): z.infer<typeof reviewSchema> {
  const scores = JSON.parse(row.scores) as Record<string, number>;
  return {
    status: row.status, version: row.version, scores, comment: row.comment, tier: row.tier as ReviewTier | null,
    total: weightedTotal(scales, scores), updatedAt: row.updated_at, submittedAt: row.submitted_at,
  };
}

export function presentMyAssignment(a: OwnAssignment, campaign: StoredCampaign, review: ReviewRow | undefined, locale: Locale): z.infer<typeof myAssignmentSchema> {
  const { content } = submittedCaseOf(a, campaign);
  const scales = scalesOf(campaign);
  return {
    id: a.id,
    campaign: { slug: campaign.definition.slug, title: campaign.definition.title[locale] },
    caseTitle: content.title,
    category: content.category,
    blind: campaign.definition.review.blind,
    state: review ? review.status : 'not_started',
    scored: review ? Object.keys(JSON.parse(review.scores) as object).length : 0,
    criteria: scales.length,
    ...dueOf(campaign, locale),
    releasedAt: a.released_at,
  };
}

export function presentAssignedCase(
  a: OwnAssignment, campaign: StoredCampaign, review: ReviewRow | undefined, thumbnails: ReadonlySet<string>, canScore: boolean, locale: Locale,
): AssignedCase {
  const def = campaign.definition;
  const { content, declaration, identities } = submittedCaseOf(a, campaign);
  const blind = def.review.blind;
  const categoryName = (key: string | null) => def.categories.find((c) => c.key === key)?.name[locale] ?? key ?? '';
  const base = `/api/v1/reviews/assignments/${a.id}/attachments`;
  const scales = scalesOf(campaign);
  return {
    id: a.id,
    campaign: { slug: def.slug, title: def.title[locale] },
    blind,
    canScore: canScore && review?.status !== 'submitted',
    ...dueOf(campaign, locale),
    case: {
      seq: a.seq,
      submittedAt: a.submitted_at,
      title: content.title,
      category: content.category ? { key: content.category, name: categoryName(content.category) } : null,
      keywords: content.keywords,
      summary: content.summary,
      sections: def.caseStyle.elements.map((e) => ({ key: e.key, name: e.name[locale], html: content.sections[e.key] ?? '' })).filter((s) => s.html.trim() !== ''),
      unit: blind ? null : { name: a.unit_name, divisionCode: a.unit_division_code },
    },
    declaration: def.declarationForm.fields.map((f) => {
      const value = declaration[f.key] ?? null;
      return { key: f.key, label: f.label[locale], value: f.kind === 'category' && value !== null ? categoryName(value) : value, hidden: value === null };
    }),
    attachments: visibleFilesOf(a, campaign).map((f) => ({
      id: f.id, kind: f.kind, kindName: def.attachments.find((k) => k.key === f.kind)?.name[locale] ?? f.kind,
      fileName: maskIdentity(f.fileName, identities), size: f.size, mediaType: f.mediaType,
      fileUrl: `${base}/${f.id}/file`, thumbnailUrl: thumbnails.has(f.id) ? `${base}/${f.id}/thumbnail` : null,
    })),
    criteria: scales.map((s) => {
      const criterion = def.criteria.find((c) => c.key === s.criterion)!;
      return {
        key: s.criterion, name: criterion.name[locale], description: criterion.description[locale], weight: s.weight,
        levels: s.levels.map((l) => ({ score: l.score, rubric: l.rubric[locale] })),
      };
    }),
    review: review ? presentReview(review, scales) : null,
  };
}
