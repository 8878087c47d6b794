import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-database.ts';
import { LIBRARY_SEARCHES_PER_MINUTE } from './library.routes.tsx';

// Public search is limited per network (decision 0045): the page and the API each allow
// LIBRARY_SEARCHES_PER_MINUTE a minute, then answer 429 in the caller's language. Each test makes
// over a hundred requests: on a loaded machine that takes longer than the default timeout.

const get = (app: FastifyInstance, url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ url, remoteAddress, headers });

async function useUp(app: FastifyInstance, url: string, remoteAddress: string) {
  const codes = new Set<number>();
  for (let i = 0; i < LIBRARY_SEARCHES_PER_MINUTE; i += 1) codes.add((await get(app, `${url}${url.includes('?') ? '&' : '?'}q=${i}`, remoteAddress)).statusCode);
  return [...codes];
}

describe(`the case library's rate limit (${testEngine()})`, () => {
  it('lets a network search the page its allowance a minute, then shows a readable page in its language saying how long to wait', async () => {
    const { app, setNow } = await createTestApp({ now: new Date('2024-03-01T02:00:00Z') });
    expect(await useUp(app, '/library', '203.0.113.9')).toEqual([200]);
    const refused = await get(app, '/library?q=党建', '203.0.113.9');
    expect([refused.statusCode, refused.headers['content-type'], refused.headers['retry-after']]).toEqual([429, 'text/html; charset=utf-8', '60']);
    expect(refused.body).toContain('请求过于频繁，请 1 分钟后再试。');
    const english = await get(app, '/library?q=党建&lang=en', '203.0.113.9');
    expect(english.statusCode).toBe(429);
    expect(english.body).toContain('Too many requests; please try again in 1 min.');
    const byHeader = await get(app, '/library', '203.0.113.9', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.body).toContain('Too many requests; please try again in 1 min.');
    // Another network still searches; the API's allowance is its own.
    expect((await get(app, '/library?q=党建', '198.51.100.7')).statusCode).toBe(200);
    expect((await get(app, '/api/v1/library?q=党建', '203.0.113.9')).statusCode).toBe(200);
    // A minute later the network may search again.
    setNow(new Date('2024-03-01T02:01:01Z'));
    expect((await get(app, '/library?q=党建', '203.0.113.9')).statusCode).toBe(200);
  }, 90_000);

  it('answers the API with the usual error body, and counts an IPv6 /64 as one network', async () => {
    const { app } = await createTestApp();
    expect(await useUp(app, '/api/v1/library', '2001:db8:1:2::1')).toEqual([200]);
    // Another address of the same /64 is the same network.
    const refused = await get(app, '/api/v1/library?q=村', '2001:db8:1:2:ffff::7');
    expect([refused.statusCode, refused.headers['retry-after']]).toEqual([429, '60']);
    expect(refused.json()).toMatchObject({ error: { code: 'rate_limited', message: '请求过于频繁，请 1 分钟后再试。' } });
    const english = await get(app, '/api/v1/library?q=村', '2001:db8:1:2::9', { 'accept-language': 'en' });
    expect(english.json()).toMatchObject({ error: { code: 'rate_limited', message: 'Too many requests; please try again in 1 min.' } });
    // The next /64 is another network.
    expect((await get(app, '/api/v1/library?q=村', '2001:db8:1:3::1')).statusCode).toBe(200);
  }, 90_000);
});
