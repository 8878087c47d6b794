/**
 * Puts the focus on a target and holds it there for a short while: a refetch that lands after a
 * dialog closes may redraw or remove the button that had the focus, and the browser then drops
 * it on the page's body, where a keyboard user has lost their place. While the focus is on the
 * body it goes back to the target (asked again each time, so it can change once a button is gone);
 * as soon as the user moves it anywhere else, the hold ends.
 */
export interface FocusHost {
  activeElement: unknown;
  body: unknown;
}

export interface Focusable {
  focus(): void;
}

export function keepFocus(
  target: () => Focusable | null | undefined,
  host: FocusHost = document,
  { within = 3000, every = 100 }: { within?: number; every?: number } = {},
): () => void {
  const give = () => {
    const element = target();
    if (element) element.focus();
    return element;
  };
  let held = give();
  const started = Date.now();
  const timer = setInterval(() => {
    const active = host.activeElement;
    if (active === null || active === host.body) held = give();
    else if (active !== held && active !== target()) return stop();
    if (Date.now() - started >= within) stop();
  }, every);
  function stop() {
    clearInterval(timer);
  }
  return stop;
}
