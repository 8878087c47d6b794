// What an organizer should look at before publishing: numbers in the public text that look like
// a person's mobile phone or identity card. They are flagged for the editor, never changed here:
// a "phone number" may be a hotline the unit wants shown, and only a person can tell.

export type PersonalDataKind = 'mobile' | 'id_card';

export interface PersonalDataFlag {
  kind: PersonalDataKind;
  /** The text as found, so the editor can find it. */
  text: string;
  /** Where it starts in the text searched, in UTF-16 units. */
  index: number;
}

// Full-width digits are digits to a reader, so they count here too.
const D = '[0-9０-９]';
const SEP = '[ \\-－‐]?';
// An 11-digit mainland mobile, written whole or as 3-4-4 with spaces or hyphens, optionally after +86.
const MOBILE = new RegExp(`(?<![0-9０-９])(?:(?:\\+|＋)?86${SEP})?[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}(?![0-9０-９])`, 'gu');
// 18 characters: a six-digit region, a birth date from 1900 to 2099, three digits and a check character.
const ID_CARD = new RegExp(`(?<![0-9０-９])${D}{6}(?:19|20|１９|２０)${D}{2}(?:0[1-9]|1[0-2]|０[１-９]|１[０-２])(?:[0-2][0-9]|3[01]|[０-２][０-９]|３[０１])${D}{3}[0-9０-９XxＸｘ](?![0-9０-９A-Za-z])`, 'gu');

/** Each mobile-like and identity-card-like number in `text`, in order of appearance. */
export function findPersonalData(text: string): PersonalDataFlag[] {
  const flags: PersonalDataFlag[] = [];
  for (const match of text.matchAll(ID_CARD)) flags.push({ kind: 'id_card', text: match[0], index: match.index });
  for (const match of text.matchAll(MOBILE)) {
    // Eleven digits inside an identity card number are the card's, not a phone.
    if (flags.some((f) => f.kind === 'id_card' && match.index >= f.index && match.index < f.index + f.text.length)) continue;
    flags.push({ kind: 'mobile', text: match[0], index: match.index });
  }
  return flags.sort((a, b) => a.index - b.index);
}
