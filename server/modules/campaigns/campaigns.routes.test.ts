import { describe, expect, it } from 'vitest';
import { SEVENTH } from '../../testing/fixtures.ts';
import { createTestApp } from '../../testing/test-app.ts';
import { testEngine } from '../../testing/test-database.ts';

describe(`campaigns API (${testEngine()})`, () => {
  it('lists campaigns with their window state', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/api/v1/campaigns' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      data: [
        {
          slug: SEVENTH,
          edition: 7,
          title: {
            'zh-CN': '第七届全国基层党建创新典型案例征集活动',
            en: 'The Seventh National Collection of Typical Cases of Grass-roots Party-building Innovation',
          },
          theme: {
            'zh-CN': '增强基层党组织政治功能和组织功能',
            en: 'Strengthening the political and organizational functions of grass-roots Party organizations',
          },
          noticeDate: '2024-01-15',
          window: {
            opensAtUtc: '2024-01-14T16:00:00.000Z',
            closesAtUtc: '2024-06-30T15:59:59.999Z',
            phase: 'open',
            timeZone: 'Asia/Shanghai',
          },
          phase: {
            current: 'collection', changedAt: null, openActions: ['create_case', 'submit', 'resubmit', 'withdraw', 'extend_deadline', 'return'], definitionVersion: 1, definitionFrozen: false,
          },
          links: {
            page: 'http://zhengji.test/campaigns/seventh-collection',
            declarationForm: {
              'zh-CN': 'http://zhengji.test/campaigns/seventh-collection/declaration-form.docx?lang=zh-CN',
              en: 'http://zhengji.test/campaigns/seventh-collection/declaration-form.docx?lang=en',
            },
          },
        },
      ],
    });
  });

  it('gives the whole call of one campaign', async () => {
    const { app } = await createTestApp();
    const { data } = (await app.inject({ url: `/api/v1/campaigns/${SEVENTH}` })).json();
    expect(data.categories.map((c: { key: string }) => c.key)).toEqual(['rural', 'urban', 'soe', 'organs', 'institutions', 'new-sectors']);
    expect(data.criteria.map((c: { name: { 'zh-CN': string } }) => c.name['zh-CN'])).toEqual(['真实性', '创新性', '实效性', '典型性']);
    expect(data.caseStyle.elements.map((e: { key: string; required: boolean }) => [e.key, e.required])).toEqual([
      ['background', true], ['practice', true], ['effectiveness', true], ['discussion', true], ['appendix', false],
    ]);
    expect([data.caseStyle.summaryMaxChars, data.caseStyle.bodyMaxChars]).toEqual([500, 5000]);
    expect(data.window).toEqual({
      opensAt: '2024-01-15T00:00:00',
      closesAt: '2024-06-30T23:59:59',
      timeZone: 'Asia/Shanghai',
      timeZoneLabel: { 'zh-CN': '北京时间', en: 'Beijing time' },
    });
    expect(data.state).toEqual({ opensAtUtc: '2024-01-14T16:00:00.000Z', closesAtUtc: '2024-06-30T15:59:59.999Z', phase: 'open' });
    expect(data.contacts.phones).toEqual(['021-28288809', '021-28288044']);
  });

  it('answers an unknown slug with one error shape in the caller language', async () => {
    const { app } = await createTestApp();
    const zh = await app.inject({ url: '/api/v1/campaigns/nope', headers: { 'x-request-id': 'req-42' } });
    expect(zh.statusCode).toBe(404);
    expect(zh.headers['x-request-id']).toBe('req-42');
    expect(zh.json()).toEqual({ error: { code: 'campaign_not_found', message: '未找到征集活动“nope”。' }, requestId: 'req-42' });
    const en = await app.inject({ url: '/api/v1/campaigns/nope', headers: { 'accept-language': 'en-US', 'x-request-id': 'req-43' } });
    expect(en.json()).toEqual({ error: { code: 'campaign_not_found', message: 'There is no collection “nope”.' }, requestId: 'req-43' });
  });

  it('refuses a language it does not serve, saying which it does', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/api/v1/campaigns?lang=fr', headers: { 'x-request-id': 'r1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'unsupported_language', message: '不支持的语言“fr”，可用：zh-CN、en。' }, requestId: 'r1' });
  });

  it('rejects an over-long slug with a validation error naming the field', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: `/api/v1/campaigns/${'x'.repeat(65)}?lang=en` });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details).toEqual([{ field: 'slug', message: 'Too big: expected string to have <=64 characters' }]);
  });

  it('answers an unknown API path with JSON, not a page', async () => {
    const { app } = await createTestApp();
    const res = await app.inject({ url: '/api/v1/nothing-here?lang=en', headers: { 'x-request-id': 'r2' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'The requested resource does not exist.' }, requestId: 'r2' });
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const { app } = await createTestApp();
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/campaigns', '/api/v1/campaigns/{slug}', '/healthz', '/api/v1/organizations/{id}']));
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/') && p !== '/healthz')).toEqual([]);
    const detail = doc.paths['/api/v1/campaigns/{slug}'].get;
    expect(detail.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual(['path:slug', 'query:lang']);
    expect(Object.keys(detail.responses).sort()).toEqual(['200', '400', '404']);
    const data = detail.responses['200'].content['application/json'].schema.properties.data;
    expect(data.required).toEqual(expect.arrayContaining(['slug', 'categories', 'criteria', 'window', 'state']));
  });
});
