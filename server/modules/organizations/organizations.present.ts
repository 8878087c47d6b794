import type { z } from 'zod';
import type { organizationSchema } from '../../../core/api/organizations.ts';
import type { OrganizationRow } from './organizations.repository.ts';

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
