import { useEffect, useState } from 'react';

// What a visitor has typed into the objection form and not yet sent, kept in this tab's
// sessionStorage so a reload or a dropped connection does not lose it (issue 15). Session, not
// local, storage, and removed as soon as the objection is filed: on a shared computer the
// author's name and contacts do not stay behind (a browser that restores a closed tab restores
// an unsent draft too). Files cannot be kept; they are chosen again.

export interface ObjectionDraft {
  n: number | undefined;
  name: string;
  organization: string;
  phone: string;
  email: string;
  body: string;
}

export const EMPTY_DRAFT: ObjectionDraft = { n: undefined, name: '', organization: '', phone: '', email: '', body: '' };
const keyOf = (slug: string) => `zhengji.objection-draft.${slug}`;

function read(slug: string): ObjectionDraft {
  try {
    const stored = JSON.parse(sessionStorage.getItem(keyOf(slug)) ?? 'null') as Partial<ObjectionDraft> | null;
    if (!stored || typeof stored !== 'object') return EMPTY_DRAFT;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      n: typeof stored.n === 'number' && Number.isInteger(stored.n) ? stored.n : undefined,
      name: text(stored.name), organization: text(stored.organization), phone: text(stored.phone), email: text(stored.email), body: text(stored.body),
    };
  } catch {
    return EMPTY_DRAFT; // storage switched off, or not ours to read
  }
}

/** The draft of the campaign's objection form, read at first draw and written on every change. */
export function useObjectionDraft(slug: string): [ObjectionDraft, (change: Partial<ObjectionDraft>) => void, () => void] {
  const [draft, setDraft] = useState(() => read(slug));
  useEffect(() => {
    try {
      if (draft === EMPTY_DRAFT) sessionStorage.removeItem(keyOf(slug));
      else sessionStorage.setItem(keyOf(slug), JSON.stringify(draft));
    } catch {
      // A full or switched-off storage keeps the draft on the page only.
    }
  }, [slug, draft]);
  return [draft, (change) => setDraft((d) => ({ ...d, ...change })), () => setDraft(EMPTY_DRAFT)];
}
