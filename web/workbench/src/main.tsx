import './csp-nonce.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { preloadRouteData } from './boot-data.ts';
import { queryClient } from './query-client.ts';
import { preloadRoute } from './routes/pages.tsx';
import './workbench.css';

// The page's own chunk and the answers it waits for are asked for now, side by side.
const path = window.location.pathname.replace(/\/+$/, '') || '/app';
// The answers first: preloading a chunk writes a link for each of its imports, which takes a while.
preloadRouteData(queryClient, path);
preloadRoute(path);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
