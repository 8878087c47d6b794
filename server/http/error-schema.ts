import { z } from 'zod';

/** The one shape every API error has. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().describe('stable, for programs'),
    message: z.string().describe("for people, in the caller's language"),
    details: z.unknown().optional(),
  }),
  requestId: z.string(),
});
