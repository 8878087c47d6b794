import { spawnSync } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { cpuCheckMs, median, startServerProcess } from './harness.ts';

// How long until a person can use the workbench, in Chromium with its CPU slowed CPU_THROTTLE
// times (a mid-range phone or a busy office PC), each run in a fresh context (cold cache, new
// connections). "Interactive" is the moment the field a person acts on first is visible and
// enabled: the sign-in form's e-mail field signed out; the first section's text box of a case
// opened by its address, signed in. The plain static page (the same field, no script) is the
// floor of a page load here. Runs alternate between the three, and medians are kept.
// Target: signin_interactive_ms ≤ 1000, editor_interactive_ms ≤ 1500, signin_js_br_kb ≤ 150.

const CPU_THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const SIGN_IN_FIELD = '#f-email';
const EDITOR_FIELD = '[data-section] .ProseMirror';

/**
 * Stamps window.__interactiveAt (ms since navigation start) when `selector` is first usable. A
 * string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const watchFor = (selector: string) => `(() => {
  const usable = () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el || !el.checkVisibility() || el.disabled) return false;
    return el instanceof HTMLInputElement || el.isContentEditable;
  };
  const check = () => {
    if (window.__interactiveAt === undefined && usable()) window.__interactiveAt = performance.now();
  };
  // Every frame as well: a field can become visible by a style sheet, which changes no node.
  const frame = () => { check(); if (window.__interactiveAt === undefined) requestAnimationFrame(frame); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  requestAnimationFrame(frame);
})();`;

interface Load {
  ms: number;
  scripts: string[];
}

async function timeLoad(browser: Browser, url: string, selector: string, cookies: { name: string; value: string; url: string }[] = []): Promise<Load> {
  const context = await browser.newContext(DESKTOP);
  await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  await page.addInitScript(watchFor(selector));
  const scripts: { url: string; at: number }[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push({ url: request.url(), at: Date.now() });
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as { __interactiveAt?: number }).__interactiveAt !== undefined, undefined, { timeout: 60_000, polling: 100 });
  const ms = await page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt);
  const interactiveAt = Date.now() - (await page.evaluate(() => performance.now())) + ms;
  await context.close();
  // What the route needed to become usable; what it fetched afterwards is preloading the next step.
  return { ms: Math.round(ms), scripts: scripts.filter((s) => s.at <= interactiveAt).map((s) => s.url) };
}

/** The bytes a browser taking brotli receives for `url`. */
function brotliBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'br' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => (res.headers['content-encoding'] === 'br' ? resolve(bytes) : reject(new Error(`${url} is not served with brotli`))));
    }).on('error', reject);
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const built = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/ensure-workbench.ts')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('building the workbench failed');
  const server = await startServerProcess('workbench');
  const { url, staticUrl, caseId, session } = server.info as Record<string, string>;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const cookies = [{ name: 'zhengji_session', value: session!, url: url! }];
  const signIn: Load[] = [];
  const editor: Load[] = [];
  const staticPage: number[] = [];
  const chromiumVersion = browser.version();
  const cpuBefore = cpuCheckMs();
  let signInBytes = 0;
  try {
    // One warm-up of each, so the server's first compilations and the disk cache are not timed.
    await timeLoad(browser, `${url}/app/sign-in`, SIGN_IN_FIELD);
    await timeLoad(browser, `${url}/app/cases/${caseId}`, EDITOR_FIELD, cookies);
    for (let i = 0; i < RUNS; i += 1) {
      staticPage.push((await timeLoad(browser, staticUrl!, SIGN_IN_FIELD)).ms);
      signIn.push(await timeLoad(browser, `${url}/app/sign-in`, SIGN_IN_FIELD));
      editor.push(await timeLoad(browser, `${url}/app/cases/${caseId}`, EDITOR_FIELD, cookies));
    }
    for (const script of new Set(signIn.flatMap((l) => l.scripts))) signInBytes += await brotliBytes(script);
  } finally {
    await browser.close();
    await server.stop();
  }
  return {
    bench: 'workbench-load',
    signin_interactive_ms: median(signIn.map((l) => l.ms)),
    editor_interactive_ms: median(editor.map((l) => l.ms)),
    static_page_ms: median(staticPage),
    signin_js_br_kb: Math.round(signInBytes / 102.4) / 10,
    signin_scripts: new Set(signIn.flatMap((l) => l.scripts)).size,
    cpu_throttle: CPU_THROTTLE,
    runs: RUNS,
    cpu_check_ms: [cpuBefore, cpuCheckMs()],
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${chromiumVersion}, Node ${process.version}`,
  };
}
