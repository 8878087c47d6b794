import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm start` runs this first: it builds the workbench (Vite) when dist/workbench is missing or
// older than its sources (web/workbench and the core/ code it shares), and does nothing otherwise.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/workbench/index.html');
const SOURCES = ['web/workbench', 'core', 'package-lock.json'];

function newest(entry: string): number {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), info.mtimeMs);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));

if (builtAt >= sourcesAt) {
  console.log('workbench: dist/workbench is up to date');
} else {
  console.log(builtAt === 0 ? 'workbench: not built yet, building…' : 'workbench: sources changed, rebuilding…');
  // The build is for serving whatever NODE_ENV this process has: under vitest ("test") Vite would
  // ship React's development build, twice the size and several times slower.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/workbench/vite.config.ts'), logLevel: 'warn' });
  console.log('workbench: built into dist/workbench');
}
