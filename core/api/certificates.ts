import { z } from 'zod';

/** The public page that confirms a certificate: `/certificates/<number>`, or a form to type one. */
export const CERTIFICATE_PATH = '/certificates';

const chosen = z.object({
  tier: z.enum(['best', 'excellent']),
  /** ISO instant the result became final. */
  finalizedAt: z.string(),
  /** The certificate's number, printed on it. */
  serial: z.string(),
  /** Where the unit downloads the certificate PDF (this API, signed in). */
  certificateUrl: z.string(),
  /** The public page that confirms the certificate, as its QR code encodes it. */
  verifyUrl: z.string(),
});

/** A submitted case left off the final list, once the results are final. */
const notChosen = z.object({ tier: z.literal('none'), finalizedAt: z.string() });

/** A case's final result as its unit sees it: null until the campaign's results are final. */
export const caseResultSchema = z.union([chosen, notChosen]).nullable();

export type CaseResult = z.infer<typeof caseResultSchema>;
