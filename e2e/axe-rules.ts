import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

// What the accessibility checks hold every page to: no serious or critical WCAG 2.2 AA
// violation, one h1, everything inside landmarks.

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// A page's structure counts whatever axe calls its impact: one h1 and everything in a landmark.
const STRUCTURE = ['page-has-heading-one', 'region', 'landmark-one-main', 'landmark-unique', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'landmark-banner-is-top-level', 'landmark-no-duplicate-banner'];
// Still marked experimental in axe: a link or button's name must contain the words it shows.
const EXTRA_RULES = Object.fromEntries([...STRUCTURE, 'label-content-name-mismatch'].map((id) => [id, { enabled: true }]));

export interface AxeViolation {
  id: string;
  impact: string;
  /** The first few elements it was found on. */
  targets: string;
}

/** axe-core on the page as it is now: the violations that count. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: WCAG_22_AA }, rules: EXTRA_RULES, resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || STRUCTURE.includes(v.id))
    .map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ') }));
}
