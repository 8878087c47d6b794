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

/**
 * `html` with every identity string masked, in attributes and in text, also where markup splits
 * a name (北京市…<strong>第一社区党委</strong>, 李<em>华</em>): the tags stay, the name's
 * characters go, the mask standing where it began.
 */
export function maskIdentityInHtml(html: string, identities: readonly string[]): string {
  const masked = maskIdentity(html, identities);
  const parts = masked.split(/(<[^>]*>)/);
  const textPos: { part: number; at: number }[] = [];
  let text = '';
  parts.forEach((part, i) => {
    if (i % 2 === 1) return;
    for (let at = 0; at < part.length; at++) textPos.push({ part: i, at });
    text += part;
  });
  const gone = new Uint8Array(text.length);
  const maskAt = new Set<number>();
  for (const identity of identities) {
    for (let from = text.indexOf(identity); from !== -1; from = text.indexOf(identity, from + identity.length)) {
      if (gone.subarray(from, from + identity.length).some((g) => g === 1)) continue;
      gone.fill(1, from, from + identity.length);
      maskAt.add(from);
    }
  }
  if (maskAt.size === 0) return masked;
  const chars = parts.map((part, i) => (i % 2 === 1 ? null : part.split('')));
  textPos.forEach(({ part, at }, index) => {
    if (gone[index]) chars[part]![at] = maskAt.has(index) ? MASK : '';
  });
  return parts.map((part, i) => (i % 2 === 1 ? part : chars[i]!.join(''))).join('');
}

/** The case's content with the unit's identity masked in its title, keywords, summary and sections. */
export function blindContent(content: CaseContent, identities: readonly string[]): CaseContent {
  const mask = (text: string) => maskIdentity(text, identities);
  return {
    ...content,
    title: mask(content.title),
    keywords: content.keywords.map(mask),
    summary: maskIdentityInHtml(content.summary, identities),
    sections: Object.fromEntries(Object.entries(content.sections).map(([key, html]) => [key, maskIdentityInHtml(html, identities)])),
  };
}

/** The declaration form's lines a blind reviewer sees: the case's own lines, masked; null for a hidden line. */
export function blindDeclaration(fields: readonly Field[], values: Readonly<Record<string, string>>, identities: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(fields.map((f) => [f.key, isBlindVisibleField(f) ? maskIdentity(values[f.key] ?? '', identities) : null]));
}
