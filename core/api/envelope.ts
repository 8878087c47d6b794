import { z } from 'zod';

// How /api/v1 wraps what it answers: one thing as { data }, a list as { data: [] }, a page of a
// longer list with its total, or a bare { status } word for an action that returns nothing else.

export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
export const listOf = <T extends z.ZodType>(schema: T) => z.object({ data: z.array(schema) });
export const pageOf = <T extends z.ZodType>(schema: T) => z.object({ data: z.array(schema), total: z.number().int() });
export const statusResponse = z.object({ status: z.string() });
