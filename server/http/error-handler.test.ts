import { describe, expect, it } from 'vitest';
import { createDraftCase } from '../testing/cases.ts';
import { createTestApp } from '../testing/test-app.ts';
import { TestClient } from '../testing/test-client.ts';
import { testEngine } from '../testing/test-database.ts';

describe(`refused request bodies (${testEngine()})`, () => {
  it('answers 413 body_too_large with the route\'s own limit, in the caller\'s language', async () => {
    const { app } = await createTestApp();
    const client = new TestClient(app, { 'accept-language': 'en' });
    const signIn = await client.request({
      method: 'POST', url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.cn', password: 'x'.repeat(1024 * 1024) }),
    });
    expect([signIn.statusCode, signIn.json().error]).toEqual([413, { code: 'body_too_large', message: 'The request is larger than the 1 MB this address accepts.' }]);

    const { client: author, caseId } = await createDraftCase(app);
    const draft = await author.request({
      method: 'PUT', url: `/api/v1/cases/${caseId}/draft`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1, content: { title: 'x', summary: '党'.repeat(2 * 1024 * 1024) } }),
    });
    expect([draft.statusCode, draft.json().error]).toEqual([413, { code: 'body_too_large', message: '请求内容超过此接口 4 MB 的大小限制。' }]);
  });

  it('refuses a JSON body that is not UTF-8 instead of storing U+FFFD, and still refuses prototype poisoning', async () => {
    const { app } = await createTestApp();
    const client = new TestClient(app);
    // "社区" in GBK, as an old Windows client would send it.
    const gbk = Buffer.concat([Buffer.from('{"email":"a@example.cn","password":"'), Buffer.from([0xc9, 0xe7, 0xc7, 0xf8]), Buffer.from('"}')]);
    const res = await client.request({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json' }, body: gbk });
    expect([res.statusCode, res.json().error]).toEqual([400, { code: 'body_not_utf8', message: '请求内容不是有效的 UTF-8 编码文本，请以 UTF-8 编码发送。' }]);
    const poisoned = await client.request({
      method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: '{"email":"a@example.cn","password":"x","__proto__":{"admin":true}}',
    });
    expect([poisoned.statusCode, poisoned.json().error.code]).toEqual([400, 'invalid_request']);
  });

  it('answers 415 unsupported_media_type for a body type no parser accepts', async () => {
    const { app } = await createTestApp();
    const client = new TestClient(app, { 'accept-language': 'en' });
    const res = await client.request({
      method: 'POST', url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      body: '<signIn/>',
    });
    expect([res.statusCode, res.json().error]).toEqual([415, { code: 'unsupported_media_type', message: 'This address does not accept a request body of type “application/xml”.' }]);
    const zh = await new TestClient(app).request({
      method: 'POST', url: '/api/v1/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      body: '<signIn/>',
    });
    expect([zh.statusCode, zh.json().error]).toEqual([415, { code: 'unsupported_media_type', message: '此接口不接受类型为“application/xml”的请求内容。' }]);
  });
});
