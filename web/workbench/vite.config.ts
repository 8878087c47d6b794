import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The workbench SPA: built into dist/workbench at the repository root and served under /app
// by server/pages/workbench.routes.ts. It shares core/ with the server, never server/.
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

/** Writes .br and .gz beside each script and stylesheet, so the server streams them as they are. */
function precompress(): Plugin {
  return {
    name: 'zhengji-precompress',
    apply: 'build',
    writeBundle(options) {
      const assets = path.join(options.dir ?? '', 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const body = readFileSync(path.join(assets, name));
        writeFileSync(path.join(assets, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(path.join(assets, `${name}.gz`), gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/app/',
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(repo, 'dist/workbench'),
    emptyOutDir: true,
    target: 'es2022',
    // zxcvbn's password dictionaries (1.7 MB, 0.8 MB compressed) load only with a password form
    // (PasswordRules.tsx). Ant Design is not one chunk: each route's chunk (src/routes/pages.tsx)
    // takes the components it uses, and those shared by several routes land in shared chunks.
    chunkSizeWarningLimit: 1800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // React changes less often than the app: its own long-cached chunk.
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }],
        },
      },
    },
  },
  server: {
    fs: { allow: [repo] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
