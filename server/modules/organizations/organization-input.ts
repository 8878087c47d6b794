import { z } from 'zod';
import { text } from '../../../core/text/clean-text.ts';
import { normalizeCreditCode } from '../../../core/org/credit-code.ts';
import { orgLevelSchema, orgTypeSchema } from '../../../core/org/org-name.ts';
import { normalizePhone } from '../../../core/org/phone.ts';
import { isValidDivisionCode } from '../divisions/divisions.service.ts';

// What a unit registers, checked the same way at sign-up, on edit and by organizers.
const required = (max: number) => text().trim().min(1, 'required').max(max, `at most ${max} characters`);

export const organizationInputSchema = z.object({
  name: required(100).refine((n) => n.length >= 2, 'at least 2 characters'),
  type: orgTypeSchema,
  level: orgLevelSchema,
  divisionCode: text().refine(isValidDivisionCode, 'not a GB/T 2260 county, city or province code'),
  creditCode: text()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const code = normalizeCreditCode(v);
      if (!code) ctx.addIssue({ code: 'custom', message: 'not a valid unified social credit code (18 characters, check digit)' });
      return code ?? undefined;
    }),
  superiorName: required(100),
  superiorEmail: z.email('not an e-mail address').optional(),
  address: required(200),
  contactName: required(50),
  contactPosition: required(50),
  contactPhone: text().transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) ctx.addIssue({ code: 'custom', message: 'not a mainland mobile (13812345678) or landline (021-28288809) number' });
    return phone ?? v;
  }),
  contactEmail: z.email('not an e-mail address'),
});

export type OrganizationInput = z.output<typeof organizationInputSchema>;
