import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rememberLanguageChoice } from '../http/locale.ts';
import { acceptsEncoding } from '../http/precompressed.ts';
import type { DemoAccount } from '../demo/demo-accounts.ts';

// The signed-in workbench, a single-page app built by Vite into dist/workbench (npm run build).
// Hashed assets are immutable and streamed from disk, precompressed (.br/.gz) when the browser
// takes it; every other path under /app is the app's index.html, which routes in the browser.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WORKBENCH_DIR = path.join(root, 'dist/workbench');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NONCE_PLACEHOLDER = '__CSP_NONCE__';
/** Where the demo's accounts ride with the page (web/workbench/src/demo-accounts.ts reads them). */
export const DEMO_ACCOUNTS_ELEMENT = 'zhengji-demo-accounts';

/**
 * The demo's accounts as a data block in the page's head: JSON the browser never runs (so the
 * page's script policy is untouched), with "<" escaped so no text in it can close the element.
 */
function demoAccountsBlock(accounts: readonly DemoAccount[]): string {
  const json = JSON.stringify(accounts).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${DEMO_ACCOUNTS_ELEMENT}">${json}</script>`;
}

/** The file under `dir` a request path names, or null when it would leave `dir`. */
export function resolveInside(dir: string, requested: string): string | null {
  if (requested.includes('\0') || requested.includes('\\')) return null;
  const resolved = path.resolve(dir, `.${path.posix.sep}${requested}`);
  return resolved.startsWith(dir + path.sep) ? resolved : null;
}

async function isFile(file: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? { size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Antd injects its styles at run time; the page's CSP admits them by a nonce made for this
 * response only, which the app reads from a meta tag. Everything else keeps the app's policy.
 */
function withStyleNonce(policy: string, nonce: string): string {
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
  const index = directives.findIndex((d) => d.startsWith('style-src '));
  const style = `${index === -1 ? "style-src 'self'" : directives[index]} 'nonce-${nonce}'`;
  if (index === -1) directives.push(style);
  else directives[index] = style;
  return directives.join(';');
}

/**
 * The workbench's page and assets. `demoAccounts` (the demo only, `npm run demo`) ride with the
 * page so the sign-in form can offer them without asking the server again; empty otherwise.
 */
export async function workbenchRoutes(app: FastifyInstance, options: { dir?: string; demoAccounts?: readonly DemoAccount[] } = {}): Promise<void> {
  const dir = path.resolve(options.dir ?? WORKBENCH_DIR);
  const demoBlock = options.demoAccounts && options.demoAccounts.length > 0 ? demoAccountsBlock(options.demoAccounts) : '';
  const config = { access: 'public' as const };
  const schema = { hide: true };

  function missing(reply: FastifyReply) {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'no-store')
      .send('工作台尚未构建，请运行 npm run build 后重启。\nThe workbench has not been built: run `npm run build`, then restart.\n');
  }

  async function sendIndex(request: FastifyRequest, reply: FastifyReply) {
    let html: string;
    try {
      html = await readFile(path.join(dir, 'index.html'), 'utf8');
    } catch {
      return missing(reply);
    }
    const nonce = randomBytes(16).toString('base64');
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string') reply.header('content-security-policy', withStyleNonce(policy, nonce));
    rememberLanguageChoice(request, reply);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('vary', 'Cookie')
      .header('content-language', request.locale)
      .send(html.replaceAll(NONCE_PLACEHOLDER, nonce).replace('<html lang="zh-CN">', `<html lang="${request.locale}">`).replace('</head>', `${demoBlock}</head>`));
  }

  async function sendFile(request: FastifyRequest, reply: FastifyReply, file: string, cacheControl: string) {
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    reply.type(type).header('cache-control', cacheControl).header('vary', 'Accept-Encoding');
    for (const [coding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      const encoded = acceptsEncoding(request.headers['accept-encoding'] ?? '', coding) ? await isFile(file + suffix) : null;
      if (encoded) {
        return reply.header('content-encoding', coding).header('content-length', encoded.size).send(createReadStream(file + suffix));
      }
    }
    const plain = await isFile(file);
    return reply.header('content-length', plain!.size).send(createReadStream(file));
  }

  app.get('/app', { config, schema }, sendIndex);

  app.get('/app/*', { config, schema }, async (request, reply) => {
    const requested = (request.params as { '*': string })['*'];
    const file = resolveInside(dir, requested);
    if (file === null) return reply.callNotFound();
    const isAsset = requested.startsWith('assets/');
    if (await isFile(file)) return sendFile(request, reply, file, isAsset ? IMMUTABLE : 'no-cache');
    // A missing hashed asset is a 404 (an old page asking for a previous build), never the page.
    if (isAsset) {
      if (!(await isFile(path.join(dir, 'index.html')))) return missing(reply);
      return reply.callNotFound();
    }
    return sendIndex(request, reply);
  });
}
