import './csp-nonce.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { preloadRoute } from './routes/pages.tsx';
import './workbench.css';

// The page's own chunk starts downloading now, beside the request for the session.
preloadRoute(window.location.pathname.replace(/\/+$/, '') || '/app');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
