import type { Kysely } from 'kysely';
import type { Campaign } from '../../core/campaign/campaign.schema.ts';
import type { CaseContent } from '../../core/case/case-content.ts';
import { declarationValues } from '../../core/case/declaration-fields.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { loadCaseForUnit } from '../modules/cases/case-access.ts';
import { getUnit } from '../modules/organizations/organizations.service.ts';
import type { DeclarationFill } from './declaration-form.ts';

export interface FilledDeclaration {
  campaign: Campaign;
  caseTitle: string;
  fill: DeclarationFill;
}

/** The declaration form of a case, filled from its saved content, its unit and its own values; for the unit's operators only. */
export async function fillDeclarationForm(db: Kysely<Database>, actor: Actor, caseId: string): Promise<FilledDeclaration> {
  const c = await loadCaseForUnit(db, actor, caseId);
  const unit = await getUnit(db, actor, c.row.organization_id);
  const content = JSON.parse(c.row.content) as CaseContent;
  const own = JSON.parse(c.row.declaration) as Record<string, string>;
  const superiorName = c.row.superior_name || unit.superior_name;
  const campaign = c.campaign.definition;
  const values = declarationValues(campaign.declarationForm.fields, content, {
    name: unit.name,
    address: unit.address,
    contactName: unit.contact_name,
    contactPosition: unit.contact_position,
    contactPhone: unit.contact_phone,
    contactEmail: unit.contact_email,
    superiorName,
  }, own);
  return { campaign, caseTitle: content.title, fill: { values, superiorName } };
}
