import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/start.ts';
import { bigCampaign } from '../../server/testing/big-campaign.ts';
import { DURING_WINDOW } from '../../server/testing/fixtures.ts';
import { createPerson, PASSWORD } from '../../server/testing/people.ts';
import { TestClient } from '../../server/testing/test-client.ts';

// One export run in a fresh process (bench/export-10k.ts starts one per size): the real app on a
// fresh SQLite folder with CASES cases, an organizer signed in, and the cases export downloaded
// over HTTP into a file while the process's memory is sampled every 5 ms. The first download
// also writes the format reports the category comes from; the second is the one measured.
const cases = Number(process.env.CASES ?? 10_000);
const dir = mkdtempSync(path.join(tmpdir(), 'zhengji-bench-export-'));
const config = loadConfig({ ...process.env, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'warn' });
const { app } = await startApp(config, { logger: { level: 'warn' }, clock: () => DURING_WINDOW });
await bigCampaign(app, { cases, reviewers: 0 });
await createPerson(app.db, { email: 'secretariat@example.cn', grants: [{ role: 'organizer', campaignId: null }] });
const client = new TestClient(app);
await client.post('/api/v1/auth/sign-in', { email: 'secretariat@example.cn', password: PASSWORD });
const cookie = Object.entries(client.cookies).map(([k, v]) => `${k}=${v}`).join('; ');
const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/campaigns/seventh-collection/exports/cases`;

async function download(file: string): Promise<number> {
  // Loading the cases lags the event loop and the app sheds reads for a moment (load-shedding.ts):
  // wait for it to ease rather than measure a refusal.
  let started = performance.now();
  let res = await fetch(url, { headers: { cookie } });
  for (let tries = 0; res.status === 503 && tries < 30; tries += 1) {
    await res.text();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    started = performance.now();
    res = await fetch(url, { headers: { cookie } });
  }
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(file));
  return (performance.now() - started) / 1000;
}

const firstSeconds = await download(path.join(dir, 'first.xlsx'));
globalThis.gc?.();
const base = process.memoryUsage();
let peak = { rss: base.rss, heapUsed: base.heapUsed };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = { rss: Math.max(peak.rss, m.rss), heapUsed: Math.max(peak.heapUsed, m.heapUsed) };
}, 5);
const file = path.join(dir, 'export.xlsx');
const seconds = await download(file);
clearInterval(sampler);

// Read back after the measurement: the rows the workbook holds.
let rows = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
for await (const sheet of reader) {
  for await (const row of sheet) if (row) rows += 1;
}
await app.close();
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
process.stdout.write(`${JSON.stringify({
  cases, rows, bytes: statSync(file).size, seconds: Math.round(seconds * 100) / 100, first_seconds: Math.round(firstSeconds * 100) / 100,
  rss_base_mib: mib(base.rss), rss_peak_mib: mib(peak.rss), rss_growth_mib: mib(peak.rss - base.rss), heap_growth_mib: mib(peak.heapUsed - base.heapUsed),
})}\n`);
process.exit(0);
