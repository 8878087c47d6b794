import { z } from 'zod';
import { isValidTimeZone, parseLocalDateTime, zonedLocalToUtc } from '../time/zoned-time.ts';
import { bilingual, reportReviewIssues, reviewSettingsSchema } from './review-settings.schema.ts';
import { DEFAULT_NOTICE_DAYS, MAX_NOTICE_DAYS } from '../notice/notice-rules.ts';
import { reportSelectionIssues, selectionSettingsSchema } from './selection-settings.schema.ts';

// A campaign is data: everything its notice announces lives here, in both languages, so the
// next edition or a provincial collection is a new file rather than new code.

export const localizedText = z.strictObject({
  'zh-CN': z.string().trim().min(1, 'Chinese text is required'),
  en: z.string().trim().min(1, 'English text is required'),
});
export type LocalizedText = z.infer<typeof localizedText>;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens, starting with a letter');

const localDateTime = z
  .string()
  .refine((text) => parseLocalDateTime(text) !== null, 'use a real local time as YYYY-MM-DDTHH:mm:ss');

const isoDate = z
  .string()
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseLocalDateTime(`${text}T00:00:00`) !== null,
    'use a real date as YYYY-MM-DD');

const named = z.strictObject({ key, name: localizedText, description: localizedText });

const organizer = z.strictObject({ key, name: localizedText });

const caseElement = z.strictObject({
  key,
  name: localizedText,
  required: z.boolean(),
  countsTowardBody: z.boolean(),
  hint: localizedText.optional(),
});

const attachmentKind = z.strictObject({
  key,
  name: localizedText,
  description: localizedText,
  required: z.boolean(),
  accept: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+*-]+$/, 'use a MIME type such as image/jpeg')).min(1),
  maxBytes: z.number().int().positive(),
  maxCount: z.number().int().positive(),
});

const formField = z.strictObject({
  key,
  label: localizedText,
  kind: z.enum(['line', 'category', 'text', 'opinion']),
  lines: z.number().int().positive().max(40).optional(),
});

const channel = z.strictObject({
  key,
  name: localizedText,
  description: localizedText,
  operator: key.optional(),
});

const tier = z.strictObject({ key, name: localizedText, quota: z.number().int().positive().nullable() });

const mainlandPhone = z
  .string()
  .regex(/^(0\d{2,3}-\d{7,8}|1\d{10})$/, 'use a landline such as 021-28288809 or an 11-digit mobile');

export const campaignSchema = z
  .strictObject({
    slug: key,
    edition: z.number().int().positive(),
    title: localizedText,
    shortTitle: localizedText,
    description: localizedText,
    theme: localizedText,
    noticeDate: isoDate,
    /** When on `noticeDate` the notice was published (HH:mm on the clock of `window.timeZone`), as its header says. */
    noticeTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time of day as HH:mm, such as 10:00').optional(),
    /** The notice's source line: who published it (来源). */
    noticeSource: localizedText.optional(),
    organizers: z.array(organizer).min(1),
    generalRequirements: z.array(localizedText).min(1),
    subjectIntro: localizedText,
    categories: z.array(named).min(1),
    criteria: z.array(named).min(1),
    caseStyle: z.strictObject({
      elements: z.array(caseElement).min(1),
      requirements: localizedText,
      summaryMaxChars: z.number().int().positive(),
      bodyMaxChars: z.number().int().positive(),
    }),
    window: z.strictObject({
      opensAt: localDateTime,
      closesAt: localDateTime,
      timeZone: z.string().refine(isValidTimeZone, 'use an IANA time zone such as Asia/Shanghai'),
      timeZoneLabel: localizedText,
    }),
    submission: z.strictObject({
      method: z.array(localizedText).min(1),
      email: z.email(),
      specialPageUrl: z.url().optional(),
    }),
    attachments: z.array(attachmentKind).min(1),
    /**
     * Whether office files carrying macros, ActiveX controls or OLE objects (.docm, .xlsm, .pptm,
     * their templates, or any package declaring such parts) may be attached and imported. Off
     * unless a campaign needs them: such a file runs code on the reviewer's computer.
     */
    allowMacroDocuments: z.boolean().default(false),
    /** Whether the superior Party organization must recommend a case before it is submitted. */
    recommendation: z.enum(['required', 'optional', 'off']).default('optional'),
    declarationForm: z.strictObject({
      title: localizedText,
      fields: z.array(formField).min(1),
      note: localizedText,
    }),
    channels: z.array(channel).min(1),
    tiers: z.array(tier).min(1),
    /** How experts review: left by the notice to the organizers (core/campaign/review-settings.schema.ts). */
    review: reviewSettingsSchema,
    /** How many cases are chosen best and excellent, and under which bounds (core/campaign/selection-settings.schema.ts). */
    selection: selectionSettingsSchema.prefault({}),
    /** How many calendar days the shortlist's public notice (公示) runs (core/notice/notice-rules.ts). */
    notice: z.strictObject({
      days: z.number().int().min(1).max(MAX_NOTICE_DAYS).default(DEFAULT_NOTICE_DAYS),
    }).prefault({}),
    /**
     * Online display (网上展示): whether cases that passed screening may be published while the
     * collection runs, before results are final. Off unless the organizers choose it: the notice
     * of the seventh collection promises display of the cases, not of every case before review.
     */
    display: z.strictObject({
      duringCollection: z.boolean().default(false),
      /** The attachment kinds whose pictures may be shown on a case page; never the declaration form or its sealed scan. */
      pictureKinds: z.array(key).default(['photos']),
    }).prefault({}),
    others: localizedText,
    contacts: z.strictObject({
      organizer: key,
      department: localizedText,
      people: z.array(z.strictObject({ name: localizedText })).min(1),
      phones: z.array(mainlandPhone).min(1),
    }),
  })
  .superRefine((campaign, ctx) => {
    const lists = ['organizers', 'categories', 'criteria', 'attachments', 'channels', 'tiers'] as const;
    for (const list of lists) {
      reportDuplicateKeys(campaign[list], [list], ctx);
    }
    reportDuplicateKeys(campaign.caseStyle.elements, ['caseStyle', 'elements'], ctx);
    reportDuplicateKeys(campaign.declarationForm.fields, ['declarationForm', 'fields'], ctx);

    const { opensAt, closesAt, timeZone } = campaign.window;
    if (isValidTimeZone(timeZone) && zonedLocalToUtc(closesAt, timeZone) <= zonedLocalToUtc(opensAt, timeZone)) {
      ctx.addIssue({ code: 'custom', path: ['window', 'closesAt'], message: 'must be after window.opensAt' });
    }

    reportReviewIssues(campaign.review, campaign.criteria.map((c) => c.key), ctx, ['review']);
    reportSelectionIssues(campaign.selection, campaign.categories.map((c) => c.key), campaign.tiers, ctx, ['selection']);
    const readable = isValidTimeZone(timeZone) && [closesAt, campaign.review.dueAt].every((t) => parseLocalDateTime(t) !== null);
    if (readable && zonedLocalToUtc(campaign.review.dueAt, timeZone) <= zonedLocalToUtc(closesAt, timeZone)) {
      ctx.addIssue({ code: 'custom', path: ['review', 'dueAt'], message: bilingual('评审截止时间必须晚于征集截止时间 window.closesAt', 'must be after window.closesAt') });
    }

    const organizerKeys = new Set(campaign.organizers.map((o) => o.key));
    if (!organizerKeys.has(campaign.contacts.organizer)) {
      ctx.addIssue({ code: 'custom', path: ['contacts', 'organizer'], message: `names no organizer (have: ${[...organizerKeys].join(', ')})` });
    }
    campaign.channels.forEach((c, i) => {
      if (c.operator && !organizerKeys.has(c.operator)) {
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'operator'], message: `names no organizer (have: ${[...organizerKeys].join(', ')})` });
      }
    });
    if (!campaign.caseStyle.elements.some((e) => e.countsTowardBody)) {
      ctx.addIssue({ code: 'custom', path: ['caseStyle', 'elements'], message: 'at least one element must count toward the body' });
    }
  });

function reportDuplicateKeys(items: readonly { key: string }[], path: (string | number)[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key)) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'key'], message: `duplicate key "${item.key}"` });
    }
    seen.add(item.key);
  });
}

export type Campaign = z.infer<typeof campaignSchema>;

/** One line per problem, each naming the field: "window.closesAt: must be after window.opensAt". */
export function describeCampaignIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(file)';
    return `${path}: ${issue.message}`;
  });
}
