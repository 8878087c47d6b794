import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Public pages work without JavaScript; these small scripts only add to them (the countdown).
// They are bundled once per process from web/public, with core/ code they share with the server.

export interface ClientAsset {
  url: string;
  body: string;
}

const ENTRIES = { countdown: 'web/public/countdown.ts' } as const;
export type ClientAssetName = keyof typeof ENTRIES;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundled: Promise<Record<ClientAssetName, ClientAsset>> | undefined;

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

export function clientAssets(): Promise<Record<ClientAssetName, ClientAsset>> {
  bundled ??= (async () => {
    const entries = await Promise.all(
      Object.entries(ENTRIES).map(async ([name, entry]) => {
        const body = await bundle(entry);
        const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
        return [name, { url: `/assets/${name}.${hash}.js`, body }] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<ClientAssetName, ClientAsset>;
  })();
  return bundled;
}
