import type { BrowserContextOptions, Page } from 'playwright-core';

// Helpers of keyboard-zoom.test.ts: a phone at 200 % zoom, what sticks out sideways, and where
// the keyboard's focus is.

/** A 390 × 844 phone at 200 % zoom: 195 × 422 CSS pixels, four device pixels to one. */
export const ZOOMED: BrowserContextOptions = { viewport: { width: 195, height: 422 }, deviceScaleFactor: 4, isMobile: true, hasTouch: true };

/**
 * The page's sideways overflow: its width beyond the viewport (0 when it fits) and the
 * outermost elements that stick out past the right edge, outside any scrolling box of their own.
 */
export function sidewaysOverflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  // No named functions inside: the bundler would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const sticking = [...document.body.querySelectorAll('*')].filter((e) => {
      if (e.getBoundingClientRect().right <= width + 0.5 || getComputedStyle(e).position === 'fixed') return false;
      for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return false;
      }
      return true;
    });
    const culprits = sticking
      .filter((e) => !sticking.some((other) => other !== e && other.contains(e)))
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].filter((c) => !c.startsWith("css-")).join(".")} "${(e.textContent ?? "").trim().slice(0, 24)}" → ${Math.round(e.getBoundingClientRect().right)}px`);
    return { excess: Math.max(0, root.scrollWidth - width), culprits };
  });
}

/** Where the focus is, as a keyboard user would say it: the kind of thing and its name. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'nothing';
    const section = a.closest('[data-section]')?.getAttribute('data-section') ?? (a.closest('#target-summary') ? 'summary' : null);
    if (a.closest('[role=toolbar]')) return `toolbar ${section}: ${a.getAttribute('aria-label')}`;
    if (a.getAttribute('role') === 'textbox' && a.isContentEditable) return `text ${section}`;
    const name = a.getAttribute('aria-label') ?? a.id ?? '';
    return `${a.tagName.toLowerCase()} ${name || (a.textContent ?? '').trim().replace(/\s+/g, '').slice(0, 20)}`;
  });
}

/** Presses Tab (or Shift+Tab) until `where` holds for the focus, at most `max` times; returns the presses. */
export async function tabTo(page: Page, where: (focus: string) => boolean, { back = false, max = 40 } = {}): Promise<number> {
  const passed: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (where(focus)) return presses;
    passed.push(focus);
  }
  throw new Error(`focus never matched after ${max} presses; it went by ${passed.join(' → ')}`);
}

/**
 * Waits for antd's open animations to end. A dialog or drawer moves the focus to itself when its
 * animation ends, taking it from wherever the keyboard had already gone.
 */
export function motionDone(page: Page): Promise<void> {
  return page.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"], .ant-drawer [class*="-appear"], .ant-drawer [class*="-enter"]')
    .first().waitFor({ state: 'detached' });
}
