import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { startApp } from '../server/start.ts';
import { DURING_WINDOW } from '../server/testing/fixtures.ts';

// Browser journeys run in Debian's Chromium, never a downloaded build.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `browser journeys skipped: no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk; .ci/run does)`;

/**
 * `describe` for browser journeys: skipped, saying SKIP_REASON, where Chromium is missing. A
 * journey step may take a minute on a loaded two-core machine.
 */
export function describeInChromium(name: string, journeys: () => void): void {
  if (!hasChromium) console.warn(SKIP_REASON);
  describe.skipIf(!hasChromium)(name, { timeout: 60_000 }, journeys);
}

export const SCREENSHOTS = path.resolve('test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
}

/**
 * The whole app as `npm start` runs it, on a fresh SQLite folder and a loopback port; `env` adds
 * settings (ZHENGJI_ADMIN_EMAIL and ZHENGJI_ADMIN_PASSWORD for a first organizer).
 */
export async function startServer(now: () => Date, env: Record<string, string> = {}): Promise<RunningServer> {
  // The app shares its event loop with the test runner here, whose pauses are not the server's
  // load: pages are turned away only at a delay no journey meets (server/http/overload.test.ts
  // floods a real server process instead).
  const config = loadConfig({ SHED_LAG_MS: '10000', ...env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zhengji-e2e-')), PORT: '0' });
  const { app } = await startApp(config, { clock: now });
  return { app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

/** startServer on a clock that starts inside the seventh collection's window and ticks, so events keep their order. */
export function startServerDuringWindow(env: Record<string, string> = {}): Promise<RunningServer> {
  const started = Date.now();
  return startServer(() => new Date(DURING_WINDOW.getTime() + (Date.now() - started)), env);
}

/** Builds the workbench when it is missing or older than its sources, as `npm start` does. */
export function ensureWorkbenchBuilt(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('scripts/ensure-workbench.ts')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the workbench failed with status ${result.status}`);
}

export interface BrowserSuiteOptions<S extends RunningServer> {
  /** Starts the app the journeys visit, with their clock and settings. */
  start: () => Promise<S>;
  /** False where the journeys open only server-rendered pages: the workbench need not be built. */
  workbench?: boolean;
  /** Deletes the app's data folder once it is closed, for journeys that store large files. */
  removeDataDir?: boolean;
}

/**
 * The hooks every browser journey needs: before all, the workbench built when stale, the app
 * started and Chromium launched; after all, both closed (after the file's own afterAll hooks, as
 * Vitest runs those in reverse). The object returned is filled in before the file's own beforeAll
 * hooks and tests run: `browser`, and `app`, `url` and whatever else `start` gave.
 */
export function browserSuite<S extends RunningServer>(options: BrowserSuiteOptions<S>): S & { browser: Browser } {
  const suite = {} as S & { browser: Browser };
  beforeAll(async () => {
    if (options.workbench !== false) ensureWorkbenchBuilt();
    Object.assign(suite, await options.start());
    suite.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    if (options.removeDataDir && suite.app) await rm(suite.app.dataDir, { recursive: true, force: true });
  });
  return suite;
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** The platform's first organizer, created at start from ZHENGJI_ADMIN_EMAIL / _PASSWORD. */
export const ADMIN = { email: 'secretariat@example.cn', password: 'Mishuchu-2024-zhengji' };
export const ADMIN_ENV = { ZHENGJI_ADMIN_EMAIL: ADMIN.email, ZHENGJI_ADMIN_PASSWORD: ADMIN.password };

/** Signs in through the workbench's sign-in form (antd spaces two-character button labels). */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.getByRole('button', { name: /^登\s?录$/ }).click();
}

/**
 * A fresh zh-CN browser context and page at `url`. Script errors and console errors (other than
 * refused resources, which journeys provoke on purpose, and what `ignore` accepts) land in
 * `problems`, which a journey expects to stay empty.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions,
  url: string,
  problems: string[],
  extra: { storageState?: BrowserContextOptions['storageState']; ignore?: (text: string) => boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, locale: 'zh-CN', storageState: extra.storageState });
  const page = await context.newPage();
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' && !text.startsWith('Failed to load resource') && !extra.ignore?.(text)) problems.push(`${page.url()}: ${text.slice(0, 200)}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.goto(url);
  return { context, page };
}

/** Whether the page fits its viewport's width (no sideways scrolling on a phone). */
export const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

