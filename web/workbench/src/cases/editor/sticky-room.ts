import { useLayoutEffect, type RefObject } from 'react';

/**
 * Keeps what gets focus or the caret clear of a bar stuck to the top of the page: the page's
 * scroll-padding-top follows the bar's height, which browsers honour when they scroll a focused
 * field or an anchor into view, and which the text boxes hand to ProseMirror (RichTextEditor).
 */
export function useRoomBelow(bar: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    // Through the CSSOM: the page's CSP refuses style attributes written as markup, not this.
    const fit = () => root.style.setProperty('scroll-padding-top', `${element.offsetHeight}px`);
    // Now as well as on resizing: a #target-… in the address is scrolled to right after this.
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('scroll-padding-top');
    };
  }, [bar]);
}
