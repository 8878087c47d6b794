import { startTransition, useEffect, useState } from 'react';

/**
 * False while a page draws for the first time, true once the browser has painted that: what is
 * read or used first draws at once, and the rest (below it) follows without holding it up.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const done = () => startTransition(() => setPainted(true));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A frame, then a task: the callback of requestAnimationFrame runs before that frame's paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(done, 0);
    });
    // A tab in the background paints no frame; its page still completes.
    const fallback = setTimeout(done, 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, []);
  return painted;
}
