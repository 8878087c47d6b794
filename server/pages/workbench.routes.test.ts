import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildApp } from '../app.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from '../demo/demo-accounts.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { DEMO_ACCOUNTS_ELEMENT, resolveInside, workbenchRoutes, WORKBENCH_DIR } from './workbench.routes.ts';

async function serve(dir: string, demoAccounts?: readonly DemoAccount[]) {
  const app = Fastify();
  app.decorateRequest('locale', 'zh-CN');
  await app.register(workbenchRoutes, { dir, demoAccounts });
  onTestFinished(() => app.close());
  return app;
}

function builtWorkbench(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-wb-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<html lang="zh-CN"><meta name="csp-nonce" content="__CSP_NONCE__"></html>');
  writeFileSync(path.join(dir, 'assets', 'app-abc.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'assets', 'app-abc.js.br'), 'BR');
  return dir;
}

describe('workbench routes', () => {
  it('serves the app page for client-side paths and hashed assets forever, compressed when asked', async () => {
    const app = await serve(builtWorkbench());
    const page = await app.inject({ url: '/app/org/units' });
    expect([page.statusCode, page.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(page.body).toMatch(/^<html lang="zh-CN"><meta name="csp-nonce" content="[A-Za-z0-9+/=]{24}"><\/html>$/);
    const asset = await app.inject({ url: '/app/assets/app-abc.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect([asset.statusCode, asset.headers['content-encoding'], asset.headers['cache-control'], asset.body]).toEqual([200, 'br', 'public, max-age=31536000, immutable', 'BR']);
    expect((await app.inject({ url: '/app/assets/app-old.js' })).statusCode).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    const app = await serve(builtWorkbench());
    for (const url of ['/app/../package.json', '/app/%2e%2e/%2e%2e/package.json', '/app/assets/..%2f..%2fetc%2fpasswd', '/app/%00']) {
      const res = await app.inject({ url });
      expect([url, res.body.includes('"name"') || res.body.includes('root:')]).toEqual([url, false]);
    }
    expect(resolveInside('/srv/wb', '../etc/passwd')).toBeNull();
    expect(resolveInside('/srv/wb', 'assets/a.js')).toBe('/srv/wb/assets/a.js');
  });

  it('says how to build it when it has not been built', async () => {
    const app = await serve(mkdtempSync(path.join(tmpdir(), 'zhengji-wb-empty-')));
    const res = await app.inject({ url: '/app' });
    expect([res.statusCode, res.body]).toEqual([503, '工作台尚未构建，请运行 npm run build 后重启。\nThe workbench has not been built: run `npm run build`, then restart.\n']);
  });

  it('puts the demo accounts in the page as data only when given them, with "<" escaped', async () => {
    const dir = builtWorkbench();
    writeFileSync(path.join(dir, 'index.html'), '<html lang="zh-CN"><head><title>t</title></head><body></body></html>');
    const accounts: DemoAccount[] = [{ role: 'unit', email: 'a</script>@demo.example.cn', password: 'p' }];
    const demo = await (await serve(dir, accounts)).inject({ url: '/app/sign-in' });
    expect(demo.body).toBe(
      `<html lang="zh-CN"><head><title>t</title><script type="application/json" id="${DEMO_ACCOUNTS_ELEMENT}">` +
        '[{"role":"unit","email":"a\\u003c/script>@demo.example.cn","password":"p"}]</script></head><body></body></html>',
    );
    expect(JSON.parse(demo.body.split(`id="${DEMO_ACCOUNTS_ELEMENT}">`)[1]!.split('</script>')[0]!)).toEqual(accounts);
    for (const none of [undefined, []]) {
      const page = await (await serve(dir, none)).inject({ url: '/app/sign-in' });
      expect(page.body).toBe('<html lang="zh-CN"><head><title>t</title></head><body></body></html>');
    }
  });

  it('lists the demo accounts only in an app built for the demo', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.dispose());
    const page = async (demo: boolean | undefined) => {
      const app = await buildApp({ db: database.db, engine: database.engine, baseUrl: 'http://zhengji.test', dataDir: tmpdir(), ...(demo === undefined ? {} : { demo }) });
      onTestFinished(() => app.close());
      return (await app.inject({ url: '/app/sign-in' })).body;
    };
    const built = existsSync(path.join(WORKBENCH_DIR, 'index.html'));
    for (const demo of [undefined, false]) expect((await page(demo)).includes(DEMO_ACCOUNTS_ELEMENT)).toBe(false);
    // Without a build the page is the "not built" notice, which never lists anything.
    expect((await page(true)).includes(DEMO_ACCOUNTS[0]!.email)).toBe(built);
  });
});
