import { createContext, useCallback, useContext, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';

// A small history router: the workbench has a dozen flat paths under /app, which does not need
// a routing library. Paths here are full paths ("/app/unit"); the query string is kept apart.

interface Location {
  path: string;
  search: URLSearchParams;
}

interface Router extends Location {
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<Router | null>(null);

function current(): Location {
  return { path: window.location.pathname.replace(/\/+$/, '') || '/app', search: new URLSearchParams(window.location.search) };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    // The language choice travels in the address, so a copied link opens in the same language.
    const url = new URL(to, window.location.origin);
    const lang = new URLSearchParams(window.location.search).get('lang');
    if (lang && !url.searchParams.has('lang')) url.searchParams.set('lang', lang);
    const target = `${url.pathname}${url.search}`;
    if (options.replace) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    window.scrollTo(0, 0);
    setLocation(current());
  }, []);
  const value = useMemo(() => ({ ...location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** A real link (opens in a new tab, copyable) that navigates in place on a plain click. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick} className={className}>{children}</a>;
}

// Only same-app paths are followed after sign-in; the server checks links it mails the same way.
export { safeNext } from '../../../core/auth/safe-next.ts';
