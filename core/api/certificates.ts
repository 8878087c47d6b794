import { z } from 'zod';

/** A case's final result as its unit sees it: null until the campaign is finalized with the case in it. */
export const caseResultSchema = z.object({
  tier: z.enum(['best', 'excellent']),
  /** ISO instant the result became final. */
  finalizedAt: z.string(),
  /** The certificate's number, printed on it. */
  serial: z.string(),
  /** Where the unit downloads the certificate PDF (this API, signed in). */
  certificateUrl: z.string(),
  /** The public page that confirms the certificate, as its QR code encodes it. */
  verifyUrl: z.string(),
}).nullable();

export type CaseResult = z.infer<typeof caseResultSchema>;
