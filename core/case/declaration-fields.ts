import type { Campaign } from '../campaign/campaign.schema.ts';
import type { CaseContent } from './case-content.ts';
import { htmlToText } from './html-text.ts';

// Where each line of the declaration form (申报表) comes from. Most of it is already known: the
// case gives title, category and summary, the unit profile gives name, address and contact. What
// is left (postcode, typed opinions, any field a campaign adds) is the form's own and is kept in
// the case's `declaration` values. A field key the platform does not know is the form's own, so a
// new campaign's extra fields can be filled without new code.

export type DeclarationSource = 'case' | 'unit' | 'own';

export interface DeclarationUnit {
  name: string;
  address: string;
  contactName: string;
  contactPosition: string;
  contactPhone: string;
  contactEmail: string;
  /** The superior Party organization named on the case (defaults to the unit's). */
  superiorName: string;
}

type Field = Campaign['declarationForm']['fields'][number];

const FROM_CASE: Record<string, (content: CaseContent) => string> = {
  'case-title': (content) => content.title,
  category: (content) => content.category ?? '',
  summary: (content) => htmlToText(content.summary),
};

const FROM_UNIT: Record<string, keyof DeclarationUnit> = {
  unit: 'name',
  address: 'address',
  'contact-person': 'contactName',
  position: 'contactPosition',
  phone: 'contactPhone',
  email: 'contactEmail',
  superior: 'superiorName',
  'superior-organization': 'superiorName',
};

/** Which opinion cell names the superior organization above its signature lines. */
export const SUPERIOR_OPINION_FIELD = 'superior-opinion';

/** Where a field's value comes from. */
export function declarationSource(field: Pick<Field, 'key' | 'kind'>): DeclarationSource {
  if (field.kind === 'category' || field.key in FROM_CASE) return 'case';
  if (field.key in FROM_UNIT) return 'unit';
  return 'own';
}

/** The value of every field, by key: a category field holds the chosen category's key. */
export function declarationValues(
  fields: readonly Pick<Field, 'key' | 'kind'>[],
  content: CaseContent,
  unit: DeclarationUnit,
  own: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(fields.map((field) => {
    const source = declarationSource(field);
    const value = field.kind === 'category' ? content.category ?? ''
      : source === 'case' ? FROM_CASE[field.key]!(content)
        : source === 'unit' ? unit[FROM_UNIT[field.key]!]
          : own[field.key] ?? '';
    return [field.key, value.trim()];
  }));
}
