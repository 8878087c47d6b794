import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/start.ts';
import { createPerson } from '../../server/testing/people.ts';

// The real app for the upload benchmark: its DATA_DIR on the same disk as the benchmark's own
// files (BENCH_DIR), a clock inside the seventh collection's window so a draft may take files,
// and one operator account (bench@example.cn with the test password) for the client to use.
const benchDir = process.env.BENCH_DIR ?? mkdtempSync(path.join(process.cwd(), 'data', 'bench-'));
const config = loadConfig({ ...process.env, DATA_DIR: path.join(benchDir, 'data'), PORT: '0', LOG_LEVEL: 'warn' });
const started = Date.now();
const windowTime = Date.parse('2024-05-01T02:00:00.000Z');
const { app } = await startApp(config, { logger: { level: 'warn' }, clock: () => new Date(windowTime + (Date.now() - started)) });
await createPerson(app.db, { email: 'bench@example.cn' });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
