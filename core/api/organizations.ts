import { z } from 'zod';
import { DIVISION_LEVELS } from '../org/divisions.ts';
import { dataOf, listOf, pageOf } from './envelope.ts';

// Answers of the unit and division routes (server/modules/organizations, server/modules/divisions).

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  level: z.string(),
  divisionCode: z.string(),
  creditCode: z.string().nullable(),
  superiorName: z.string(),
  superiorEmail: z.string().nullable(),
  address: z.string(),
  contactName: z.string(),
  contactPosition: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const organizationResponse = dataOf(organizationSchema);
export const organizationPageResponse = pageOf(organizationSchema);

export const memberSchema = z.object({ userId: z.string(), email: z.string(), displayName: z.string(), role: z.string(), since: z.string() });
export const membersResponse = listOf(memberSchema);

const level = z.enum(DIVISION_LEVELS);

export const divisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level,
  hasChildren: z.boolean().describe('false for counties and for cities without counties'),
});
export const divisionsResponse = listOf(divisionSchema);

export const divisionDetailSchema = z.object({
  code: z.string(),
  name: z.string(),
  level,
  path: z.array(z.object({ code: z.string(), name: z.string() })).describe('from the province down to this division'),
});
export const divisionDetailResponse = dataOf(divisionDetailSchema);
