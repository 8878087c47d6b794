import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { preloadRouteData } from './boot-data.ts';
import { caseKeys } from './cases/cases-api.ts';
import { ME_KEY } from './session.tsx';

const CASE_ID = '0b6c7c52-2f8e-4a58-9a3e-1f4f2a9c1d10';
const answers: Record<string, unknown> = {
  '/api/v1/me': { data: { id: 'u1' } },
  [`/api/v1/cases/${CASE_ID}`]: { data: { id: CASE_ID, campaignSlug: 'seventh-collection' } },
  '/api/v1/campaigns/seventh-collection': { data: { slug: 'seventh-collection' } },
};

let asked: { path: string; language: string }[];

beforeEach(() => {
  asked = [];
  vi.stubGlobal('window', { location: { search: '?lang=en' } });
  vi.stubGlobal('document', { cookie: '' });
  vi.stubGlobal('navigator', { languages: ['zh-CN'] });
  vi.stubGlobal('fetch', async (path: string, init: { headers: Record<string, string> }) => {
    asked.push({ path, language: init.headers['accept-language']! });
    const body = answers[path];
    return new Response(JSON.stringify(body ?? { error: { code: 'not_found', message: 'no' } }), { status: body ? 200 : 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('preloadRouteData', () => {
  it("asks for a case's session, case and campaign at boot, in the reader's language, under the pages' keys", async () => {
    const client = new QueryClient();
    preloadRouteData(client, `/app/cases/${CASE_ID}`);
    // The session and the case together, before anything has answered.
    expect(asked.map((a) => a.path)).toEqual(['/api/v1/me', `/api/v1/cases/${CASE_ID}`]);
    await settle();
    expect(asked).toEqual([
      { path: '/api/v1/me', language: 'en' },
      { path: `/api/v1/cases/${CASE_ID}`, language: 'en' },
      { path: '/api/v1/campaigns/seventh-collection', language: 'en' },
    ]);
    expect(client.getQueryData(ME_KEY)).toEqual({ id: 'u1' });
    expect(client.getQueryData(caseKeys.detail(CASE_ID))).toMatchObject({ campaignSlug: 'seventh-collection' });
    expect(client.getQueryData(caseKeys.campaign('seventh-collection'))).toEqual({ slug: 'seventh-collection' });
  });

  it('asks only for the session on other signed-in pages, and nothing on sign-in or public pages', async () => {
    preloadRouteData(new QueryClient(), '/app/org/cases');
    preloadRouteData(new QueryClient(), '/app/sign-in');
    preloadRouteData(new QueryClient(), '/app/verify-email');
    await settle();
    expect(asked.map((a) => a.path)).toEqual(['/api/v1/me']);
  });

  it('leaves a missing case to the page, which shows its own error', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const missing = '11111111-2222-4333-8444-555555555555';
    preloadRouteData(client, `/app/cases/${missing}`);
    await settle();
    expect(asked.map((a) => a.path)).toEqual(['/api/v1/me', `/api/v1/cases/${missing}`]);
    expect(client.getQueryState(caseKeys.detail(missing))?.status).toBe('error');
  });
});
