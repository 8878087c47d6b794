import { z } from 'zod';
import type { OrganizationRow } from './organizations.repository.ts';

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

export function presentOrganization(row: OrganizationRow): z.infer<typeof organizationSchema> {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    level: row.level,
    divisionCode: row.division_code,
    creditCode: row.credit_code,
    superiorName: row.superior_name,
    superiorEmail: row.superior_email,
    address: row.address,
    contactName: row.contact_name,
    contactPosition: row.contact_position,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
