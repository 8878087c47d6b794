// What keeps two catalogues interchangeable: the same keys, and in each message the same
// placeholders and plural selectors, so a message filled for one language fills the other.

export type Catalogue = Readonly<Record<string, string>>;

export interface CatalogueGaps {
  /** Keys the reference has and the other catalogue lacks. */
  missing: string[];
  /** Keys the other catalogue has and the reference lacks. */
  extra: string[];
  /** Keys whose placeholders differ: `key: {a, b} ≠ {a}`. */
  placeholders: string[];
}

/** The placeholder names a message uses, plain (`{name}`) or plural (`{count, plural, …}`), sorted. */
export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]!))].sort();
}

const list = (names: string[]) => `{${names.join(', ')}}`;

/** How `other` differs from `reference`: every key one has and the other lacks, and every placeholder mismatch. */
export function catalogueGaps(reference: Catalogue, other: Catalogue): CatalogueGaps {
  const missing = Object.keys(reference).filter((key) => !Object.hasOwn(other, key));
  const extra = Object.keys(other).filter((key) => !Object.hasOwn(reference, key));
  const placeholders: string[] = [];
  for (const key of Object.keys(reference)) {
    if (!Object.hasOwn(other, key)) continue;
    const want = placeholdersOf(reference[key]!);
    const got = placeholdersOf(other[key]!);
    if (want.join() !== got.join()) placeholders.push(`${key}: ${list(got)} ≠ ${list(want)}`);
  }
  return { missing, extra, placeholders };
}
