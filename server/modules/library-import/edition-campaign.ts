import type { Campaign } from '../../../core/campaign/campaign.schema.ts';

// The campaign an earlier edition becomes (decision 0044): the base campaign's definition, its
// categories and sections, renamed for the edition and already finished. Its slug and title
// follow the base's: seventh-collection → sixth-collection, 第七届… → 第六届….

const EN_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];
const ZH_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const enOrdinal = (n: number) => EN_ORDINALS[n] ?? `${n}th`;
const zhNumeral = (n: number) => ZH_NUMERALS[n] ?? String(n);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Where the campaigns that imports made record their origin (campaigns.source_file). */
export const importSource = (baseSlug: string) => `import:${baseSlug}`;

export function editionSlug(base: Campaign, edition: number): string {
  const ordinal = enOrdinal(base.edition);
  if (new RegExp(`\\b${ordinal}\\b`).test(base.slug)) return base.slug.replace(new RegExp(`\\b${ordinal}\\b`), enOrdinal(edition));
  return `${base.slug}-edition-${edition}`;
}

function renamed(text: { 'zh-CN': string; en: string }, base: number, edition: number) {
  const zhFrom = `第${zhNumeral(base)}届`;
  const zhTo = `第${zhNumeral(edition)}届`;
  const enFrom = new RegExp(`\\b${enOrdinal(base)}\\b`, 'i');
  const zh = text['zh-CN'].includes(zhFrom) ? text['zh-CN'].replace(zhFrom, zhTo) : `${zhTo}${text['zh-CN']}`;
  const en = enFrom.test(text.en)
    ? text.en.replace(enFrom, (m) => (m[0] === m[0]!.toUpperCase() ? capital(enOrdinal(edition)) : enOrdinal(edition)))
    : `${text.en} (${capital(enOrdinal(edition))} Edition)`;
  return { 'zh-CN': zh, en };
}

/** The definition of edition `edition`, held in `year`; display during collection is off (its cases come published). */
export function editionDefinition(base: Campaign, edition: number, year: number): Campaign {
  return {
    ...base,
    slug: editionSlug(base, edition),
    edition,
    title: renamed(base.title, base.edition, edition),
    shortTitle: renamed(base.shortTitle, base.edition, edition),
    window: { ...base.window, opensAt: `${year}-01-01T00:00:00`, closesAt: `${year}-12-31T23:59:59` },
    noticeDate: `${year}-01-01`,
    display: { ...base.display, duringCollection: false },
  } as Campaign;
}

/** The year an edition was held when no row says: a year per edition back from the base's. */
export function assumedYear(base: Campaign, edition: number): number {
  return Number(base.window.opensAt.slice(0, 4)) - (base.edition - edition);
}
