import type { ReactNode } from 'react';

/**
 * A wide table's own scrolling box that a keyboard reaches (WCAG 2.1.1): on a phone the user tabs
 * to it and scrolls with the arrow keys, which antd's scrolling table does not allow.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return <div className="wb-scroll-region" tabIndex={0} role="region" aria-label={label}>{children}</div>;
}
