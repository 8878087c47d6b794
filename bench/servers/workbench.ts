import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/start.ts';
import { completeContent, createDraftCase, saveContent } from '../../server/testing/cases.ts';
import { DURING_WINDOW } from '../../server/testing/fixtures.ts';

// The app as `npm start` runs it, inside the seventh collection's window, with one unit operator
// whose draft holds a full case (what the editor opens), and beside it a plain static page with
// the sign-in form's first field: the floor of what a page load costs on this machine.
const started = Date.now();
const config = loadConfig({
  ...process.env,
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zhengji-bench-')),
  PORT: '0',
  LOG_LEVEL: 'warn',
});
const { app } = await startApp(config, { logger: { level: 'warn' }, clock: () => new Date(DURING_WINDOW.getTime() + (Date.now() - started)) });
const draft = await createDraftCase(app);
await saveContent(draft.client, draft.caseId, completeContent(4000));
const url = await app.listen({ port: 0, host: '127.0.0.1' });

const STATIC_PAGE = [
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
  '<title>征集工作台</title></head><body><main><h1>登录</h1><form><label for="f-email">邮箱</label>',
  '<input id="f-email" type="email" autocomplete="email"></form></main></body></html>',
].join('');
const plain = Fastify({ logger: false });
plain.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(STATIC_PAGE));
const staticUrl = await plain.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ url, staticUrl, caseId: draft.caseId, session: draft.client.cookies.zhengji_session })}\n`);
