import type { Campaign } from '../campaign/campaign.schema.ts';
import type { CaseContent } from '../case/case-content.ts';
import { declarationSource, type DeclarationUnit } from '../case/declaration-fields.ts';

// What a reviewer may not see in blind review: who submitted the case. The unit's name, its
// division and its people are never sent; of the declaration form only the lines that come from
// the case itself (title, category, summary) remain, since every other line names the unit, its
// address, its contact or its organizations' opinions; the form's files (the filled form and the
// sealed scan) are withheld whole. Where the case text names the unit or its people, the name is
// masked, so a title such as "XX社区党委……" does not give the unit away either.

/** Attachment kinds that carry the filled declaration form or its seals. */
export const IDENTIFYING_ATTACHMENT_KINDS: readonly string[] = ['declaration-form', 'sealed-form'];
/** What stands in the text where a name was. */
export const MASK = '■■';
/** A single character is too likely to occur by chance to be masked; a person's name has two or more. */
const MASK_MIN_LENGTH = 2;

type Field = Pick<Campaign['declarationForm']['fields'][number], 'key' | 'kind'>;

/** Whether a reviewer in blind review may see this line of the declaration form. */
export function isBlindVisibleField(field: Field): boolean {
  return declarationSource(field) === 'case';
}

/** Whether a reviewer in blind review may see or download an attachment of this kind. */
export function isBlindVisibleAttachment(kind: string): boolean {
  return !IDENTIFYING_ATTACHMENT_KINDS.includes(kind);
}

/** The names, addresses and numbers that identify the unit, longest first so a longer one is masked whole. */
export function identityStrings(unit: DeclarationUnit): string[] {
  const values = [unit.name, unit.superiorName, unit.address, unit.contactName, unit.contactPhone, unit.contactEmail];
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= MASK_MIN_LENGTH))]
    .sort((a, b) => b.length - a.length);
}

/** `text` with every identity string replaced by the mask. */
export function maskIdentity(text: string, identities: readonly string[]): string {
  let out = text;
  for (const identity of identities) out = out.split(identity).join(MASK);
  return out;
}

/** The case's content with the unit's identity masked in its title, keywords, summary and sections. */
export function blindContent(content: CaseContent, identities: readonly string[]): CaseContent {
  const mask = (text: string) => maskIdentity(text, identities);
  return {
    ...content,
    title: mask(content.title),
    keywords: content.keywords.map(mask),
    summary: mask(content.summary),
    sections: Object.fromEntries(Object.entries(content.sections).map(([key, html]) => [key, mask(html)])),
  };
}

/** The declaration form's lines a blind reviewer sees: the case's own lines, masked; null for a hidden line. */
export function blindDeclaration(fields: readonly Field[], values: Readonly<Record<string, string>>, identities: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(fields.map((f) => [f.key, isBlindVisibleField(f) ? maskIdentity(values[f.key] ?? '', identities) : null]));
}
