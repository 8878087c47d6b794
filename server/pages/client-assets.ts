import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { SITE_CSS } from '../../web/public/site-css.ts';
import { CASE_PAGE_CSS } from '../../web/public/case-page-css.ts';
import { LIBRARY_CSS } from '../../web/public/library-css.ts';
import { encodeBody, type EncodedBody } from '../http/precompressed.ts';

// What public pages load besides their HTML: one stylesheet and small scripts that only add to
// a page that works without them (the countdown, the verification page's file hash). Scripts are bundled once per process from
// web/public with the core/ code they share with the server. Names carry a content hash, so
// browsers keep them forever and a new version is a new name.

export interface ClientAsset {
  url: string;
  type: string;
  body: EncodedBody;
}

const SCRIPTS = { countdown: 'web/public/countdown.ts', fileHash: 'web/public/file-hash.ts' } as const;
export type ClientAssets = Record<keyof typeof SCRIPTS | 'site', ClientAsset>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundled: Promise<ClientAssets> | undefined;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function asset(name: string, extension: 'js' | 'css', text: string): ClientAsset {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const type = extension === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8';
  return { url: `/assets/${name}.${hash}.${extension}`, type, body: encodeBody(text) };
}

export function clientAssets(): Promise<ClientAssets> {
  bundled ??= (async () => {
    const scripts = await Promise.all(
      Object.entries(SCRIPTS).map(async ([name, entry]) => [name, asset(name, 'js', await bundle(entry))] as const),
    );
    const css = (SITE_CSS + CASE_PAGE_CSS + LIBRARY_CSS).replace(/\n/g, '');
    return { ...Object.fromEntries(scripts), site: asset('site', 'css', css) } as ClientAssets;
  })();
  return bundled;
}
