import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/start.ts';

// The real app as `npm start` builds it, on a fresh SQLite folder unless DATABASE_URL is set,
// logging at warn so the measurement is of serving, not of writing request logs to a pipe.
const config = loadConfig({
  ...process.env,
  DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'zhengji-bench-')),
  PORT: '0',
  LOG_LEVEL: 'warn',
});
const { app } = await startApp(config, { logger: { level: 'warn' } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
