import { z } from 'zod';
import { normalizeCreditCode } from '../../../core/org/credit-code.ts';
import { orgLevelSchema, orgTypeSchema } from '../../../core/org/org-name.ts';
import { normalizePhone } from '../../../core/org/phone.ts';
import { isValidDivisionCode } from '../divisions/divisions.service.ts';

// What a unit registers, checked the same way at sign-up, on edit and by organizers.
const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);

export const organizationInputSchema = z.object({
  name: text(100).refine((n) => n.length >= 2, 'at least 2 characters'),
  type: orgTypeSchema,
  level: orgLevelSchema,
  divisionCode: z.string().refine(isValidDivisionCode, 'not a GB/T 2260 county, city or province code'),
  creditCode: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const code = normalizeCreditCode(v);
      if (!code) ctx.addIssue({ code: 'custom', message: 'not a valid unified social credit code (18 characters, check digit)' });
      return code ?? undefined;
    }),
  superiorName: text(100),
  superiorEmail: z.email('not an e-mail address').optional(),
  address: text(200),
  contactName: text(50),
  contactPosition: text(50),
  contactPhone: z.string().transform((v, ctx) => {
    const phone = normalizePhone(v);
    if (!phone) ctx.addIssue({ code: 'custom', message: 'not a mainland mobile (13812345678) or landline (021-28288809) number' });
    return phone ?? v;
  }),
  contactEmail: z.email('not an e-mail address'),
});

export type OrganizationInput = z.output<typeof organizationInputSchema>;
