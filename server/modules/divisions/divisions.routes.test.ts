import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`divisions API (${testEngine()})`, () => {
  it('lists the provinces, cacheable for a day', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/api/v1/divisions' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const { data } = res.json();
    expect(data.length).toBe(31);
    expect(data[0]).toEqual({ code: '110000', name: '北京市', level: 'province', hasChildren: true });
    expect(data[18]).toEqual({ code: '440000', name: '广东省', level: 'province', hasChildren: true });
  });

  it('lists the children of a city', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/api/v1/divisions?parent=440300' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((d: { code: string; name: string }) => `${d.code} ${d.name}`)).toEqual([
      '440303 罗湖区', '440304 福田区', '440305 南山区', '440306 宝安区', '440307 龙岗区',
      '440308 盐田区', '440309 龙华区', '440310 坪山区', '440311 光明区',
    ]);
  });

  it('describes one division with its path', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/api/v1/divisions/440305' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.json()).toEqual({
      data: {
        code: '440305',
        name: '南山区',
        level: 'county',
        path: [{ code: '440000', name: '广东省' }, { code: '440300', name: '深圳市' }, { code: '440305', name: '南山区' }],
      },
    });
  });

  it('answers an unknown division or parent with not_found, not cached', async () => {
    const { app } = await createTestApp();
    const detail = await app.inject({ url: '/api/v1/divisions/110100?lang=en', headers: { 'x-request-id': 'd1' } });
    expect(detail.statusCode).toBe(404);
    expect(detail.headers['cache-control']).toBeUndefined();
    expect(detail.json()).toEqual({ error: { code: 'not_found', message: 'The requested resource does not exist.' }, requestId: 'd1' });
    const list = await app.inject({ url: '/api/v1/divisions?parent=999999', headers: { 'x-request-id': 'd2' } });
    expect(list.statusCode).toBe(404);
    expect(list.json()).toEqual({ error: { code: 'not_found', message: '请求的资源不存在。' }, requestId: 'd2' });
  });

  it('refuses a code that is not six digits, naming the field', async () => {
    const { app } = await createTestApp();
    const detail = await app.inject({ url: '/api/v1/divisions/4403?lang=en' });
    expect(detail.statusCode).toBe(400);
    expect(detail.json().error.details).toEqual([{ field: 'code', message: 'use a six-digit division code such as 440305' }]);
    const list = await app.inject({ url: '/api/v1/divisions?parent=44030a&lang=en' });
    expect(list.statusCode).toBe(400);
    expect(list.json().error.details).toEqual([{ field: 'parent', message: 'use a six-digit division code such as 440305' }]);
  });

  it('is public and documented in the OpenAPI document', async () => {
    const { app } = await createTestApp();
    expect(app.routeAccess.filter((r) => r.url.startsWith('/api/v1/divisions'))).toEqual([
      { method: 'GET', url: '/api/v1/divisions', access: 'public' },
      { method: 'GET', url: '/api/v1/divisions/:code', access: 'public' },
    ]);
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    const detail = doc.paths['/api/v1/divisions/{code}'].get;
    expect(Object.keys(detail.responses).sort()).toEqual(['200', '400', '404']);
    expect(doc.paths['/api/v1/divisions'].get.parameters.map((p: { in: string; name: string }) => `${p.in}:${p.name}`).sort())
      .toEqual(['query:lang', 'query:parent']);
  });
});
