import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../server/config.ts';
import { getCampaign } from '../server/modules/campaigns/campaigns.service.ts';
import { ensureFormatReports } from '../server/modules/screening/screening-report.service.ts';
import { startApp } from '../server/start.ts';
import { blobPath } from '../server/storage/blob-store.ts';
import { setPhase } from '../server/testing/assignments.ts';
import { bigCampaign } from '../server/testing/big-campaign.ts';
import { AFTER_WINDOW, DURING_WINDOW, SEVENTH } from '../server/testing/fixtures.ts';
import { createPerson, signedIn } from '../server/testing/people.ts';
import { createEmptyPostgresDatabase, dropPostgresDatabase } from '../server/testing/postgres-admin.ts';
import { cpuCheckMs, machineDescription } from './harness.ts';

// The first format-report pass an organizer's page waits for: CASES (3,000) submitted cases, each
// with its own two files on the local disk, then ensureFormatReports timed with nothing reported
// (first_ms) and with everything reported (again_ms); then the reports are removed and the first
// screening-queue request timed the same way. SQLite always; PostgreSQL too when
// BENCH_DATABASE_URL is set (a fresh database there, dropped afterwards). One JSON line per engine.
// BENCH_READABLE_LATENCY_MS adds a delay to each file check, to see what an S3 HEAD would cost.

const cases = Number(process.env.CASES ?? 3000);
const latencyMs = Number(process.env.BENCH_READABLE_LATENCY_MS ?? 0);

/** Gives each copied submission its own two files, stored, as a real campaign has. */
async function ownFiles(app: Awaited<ReturnType<typeof startApp>>['app'], dataDir: string, campaignId: string): Promise<void> {
  const rows = await app.db.selectFrom('case_submissions as s').innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.attachments']).where('c.campaign_id', '=', campaignId).execute();
  for (const row of rows) {
    const files = (JSON.parse(row.attachments) as { sha256: string; size: number }[]).map((f, i) => {
      const bytes = Buffer.from(`%PDF-1.4 ${row.id} ${i}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = blobPath(dataDir, sha256);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      return { ...f, sha256, size: bytes.length };
    });
    await app.db.updateTable('case_submissions').set({ attachments: JSON.stringify(files) }).where('id', '=', row.id).execute();
  }
}

async function runEngine(databaseUrl: string | undefined): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhengji-bench-reports-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl ?? '' });
  let now = DURING_WINDOW;
  const { app } = await startApp(config, { logger: { level: 'warn' }, clock: () => now });
  try {
    const { campaignId } = await bigCampaign(app, { cases, reviewers: 0 });
    now = AFTER_WINDOW;
    await ownFiles(app, dataDir, campaignId);
    await createPerson(app.db, { email: 'organizer@example.cn', grants: [{ role: 'organizer', campaignId }] });
    await setPhase(app, 'screening');
    let checks = 0;
    const readable = async (f: { sha256: string; size: number }) => {
      checks += 1;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      return app.storage.has(f);
    };
    const campaign = await getCampaign(app.db, SEVENTH);
    const timed = async (run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return Math.round(performance.now() - started);
    };
    // The machine is shared: this process's CPU time says what the work costs whatever the load.
    const cpuBefore = process.cpuUsage();
    const firstMs = await timed(() => ensureFormatReports(app.db, campaign, readable, AFTER_WINDOW));
    const cpu = process.cpuUsage(cpuBefore);
    const firstCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    const firstChecks = checks;
    const againMs = await timed(() => ensureFormatReports(app.db, campaign, readable, AFTER_WINDOW));
    const reports = await app.db.selectFrom('screening_reports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    await app.db.deleteFrom('screening_reports').execute();
    const organizer = await signedIn(app, 'organizer@example.cn');
    const queue = `/api/v1/campaigns/${SEVENTH}/screening`;
    // Setting up lags the event loop and the app sheds reads for a moment (load-shedding.ts): wait
    // until a cheap page answers rather than time a refusal.
    for (let tries = 0; tries < 30 && (await organizer.get(`/api/v1/campaigns/${SEVENTH}`)).statusCode === 503; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    let status = 0;
    const queueFirstMs = await timed(async () => { status = (await organizer.get(queue)).statusCode; });
    const queueAgainMs = await timed(() => organizer.get(queue));
    return {
      bench: 'screening-reports', engine: databaseUrl ? 'postgres' : 'sqlite', cases, reports: Number(reports.n), file_checks: firstChecks,
      readable_latency_ms: latencyMs, first_ms: firstMs, first_cpu_ms: firstCpuMs, again_ms: againMs, queue_first_ms: queueFirstMs, queue_again_ms: queueAgainMs, queue_status: status,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const machine = { load_average: Math.round(os.loadavg()[0]! * 100) / 100, cpu_check_ms: cpuCheckMs(), machine: machineDescription() };
  const sqlite = { ...(await runEngine(undefined)), ...machine };
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) return sqlite;
  console.log(JSON.stringify(sqlite));
  const pg = await createEmptyPostgresDatabase(base);
  try {
    return { ...(await runEngine(pg.url)), ...machine };
  } finally {
    await dropPostgresDatabase(base, pg.name);
  }
}
