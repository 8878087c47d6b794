import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepFocus } from './keep-focus.ts';

function page() {
  const host = { activeElement: null as unknown, body: { name: 'body' } };
  const button = (name: string) => ({ name, focus() { host.activeElement = this; } });
  host.activeElement = host.body;
  return { host, button };
}

describe('keepFocus', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the focus back when a redraw drops it on the body, to the target as it is then', () => {
    const { host, button } = page();
    const returnButton = button('return');
    const extend = button('extend');
    let current: typeof returnButton | null = returnButton;
    keepFocus(() => current ?? extend, host);
    expect(host.activeElement).toBe(returnButton);
    // The case comes back returned: the return button is gone and the browser drops the focus.
    current = null;
    host.activeElement = host.body;
    vi.advanceTimersByTime(100);
    expect(host.activeElement).toBe(extend);
  });

  it('lets go as soon as the user moves the focus elsewhere', () => {
    const { host, button } = page();
    const target = button('extend');
    const other = button('other');
    keepFocus(() => target, host);
    other.focus();
    vi.advanceTimersByTime(100);
    host.activeElement = host.body;
    vi.advanceTimersByTime(500);
    expect(host.activeElement).toBe(host.body);
  });

  it('holds only for the time it is given', () => {
    const { host, button } = page();
    const target = button('extend');
    keepFocus(() => target, host, { within: 1000 });
    vi.advanceTimersByTime(1100);
    host.activeElement = host.body;
    vi.advanceTimersByTime(500);
    expect(host.activeElement).toBe(host.body);
  });
});
