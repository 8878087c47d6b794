import type { Kysely } from 'kysely';
import { auditRefs, refKey, type AuditFacts, type AuditName, type AuditRefKind } from '../../../core/audit/describe.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import type { Database } from '../../db/schema.ts';
import { campaignPath } from '../../pages/page-urls.ts';
import { isOrganizer, type Actor } from '../auth/actor.ts';
import { listCampaigns } from '../campaigns/campaigns.service.ts';
import { canSeeCase } from '../cases/cases.policy.ts';
import { findCaseTitles, findUnitNames, findUserNames } from './audit.repository.ts';

/**
 * The names (and links) of everything a page of entries mentions by id, looked up once per
 * kind, keyed by refKey. A case is named only to a reader who may see it and units are linked
 * only for organizers, so the log tells its reader nothing the rest of the workbench would not.
 */
export async function auditNamesFor(db: Kysely<Database>, reader: Actor, entries: AuditFacts[], locale: Locale): Promise<Record<string, AuditName>> {
  const ids: Record<AuditRefKind, Set<string>> = { case: new Set(), unit: new Set(), user: new Set(), campaign: new Set() };
  for (const ref of entries.flatMap(auditRefs)) ids[ref.kind].add(ref.id);
  const [cases, units, users, campaigns] = await Promise.all([
    findCaseTitles(db, [...ids.case]),
    findUnitNames(db, [...ids.unit]),
    findUserNames(db, [...ids.user]),
    ids.campaign.size > 0 ? listCampaigns(db) : [],
  ]);
  const names: Record<string, AuditName> = {};
  const put = (kind: AuditRefKind, id: string, name: AuditName) => { names[refKey({ kind, id })] = name; };
  for (const c of cases) if (canSeeCase(reader, c)) put('case', c.id, { name: c.title, href: `/app/cases/${c.id}` });
  for (const u of units) put('unit', u.id, { name: u.name, href: isOrganizer(reader) ? `/app/org/units/${u.id}` : null });
  for (const u of users) put('user', u.id, { name: u.display_name || u.email, href: null });
  for (const c of campaigns) if (ids.campaign.has(c.id)) put('campaign', c.id, { name: c.definition.title[locale], href: campaignPath(c.definition.slug) });
  return names;
}
