import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from './config.ts';
import { startApp } from './start.ts';
import { StartupError } from './startup-error.ts';
import { campaignsFolder, seventhCampaignData } from './testing/campaign-files.ts';
import { startS3Server } from './testing/s3-server.ts';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'zhengji-start-'));
const NOW = () => new Date('2024-03-01T00:00:00.000Z');

function capturedLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: { level: 'info', stream } };
}

describe('startApp on SQLite', () => {
  it('migrates, loads the campaigns and makes the first organizer, and a restart changes nothing', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, ZHENGJI_ADMIN_EMAIL: 'admin@zhengji.cn', ZHENGJI_ADMIN_PASSWORD: 'not-in-any-log-2024' };
    const logs = capturedLogs();
    const first = await startApp(loadConfig(env), { clock: NOW, logger: logs.logger });
    await first.app.close();
    const second = await startApp(loadConfig(env), { clock: NOW, logger: logs.logger });
    onTestFinished(() => second.app.close());

    const db = second.database.db;
    expect(await db.selectFrom('campaigns').select('slug').execute()).toEqual([{ slug: 'seventh-collection' }]);
    expect(await db.selectFrom('users').select('email').execute()).toEqual([{ email: 'admin@zhengji.cn' }]);
    const messages = logs.lines.map((l) => JSON.parse(l).msg);
    expect(messages).toEqual([
      'database ready', 'campaigns loaded', 'first organizer account ready',
      'database ready', 'campaigns loaded',
    ]);
    expect(logs.lines.join('')).not.toContain('not-in-any-log-2024');
    const health = await second.app.inject({ url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('explains a DATA_DIR that cannot be written', async () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    await expect(startApp(loadConfig({ DATA_DIR: path.join(file, 'data') }))).rejects.toThrow(
      new StartupError(`DATA_DIR ${path.join(file, 'data')} cannot be written (ENOTDIR); create it or point DATA_DIR elsewhere`),
    );
  });

  it('explains a PostgreSQL server that does not answer', async () => {
    await expect(startApp(loadConfig({ DATABASE_URL: 'postgres://zhengji:secret@127.0.0.1:1/zhengji' }))).rejects.toThrow(
      new StartupError('Cannot connect to the database at postgres://127.0.0.1:1/zhengji: connection refused (is PostgreSQL running and listening there?)'),
    );
  });

  it.runIf(process.env.TEST_DATABASE_URL)('explains a PostgreSQL password that is refused, without printing it', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.password = 'certainly-wrong';
    const attempt = startApp(loadConfig({ DATABASE_URL: url.toString() }));
    await expect(attempt).rejects.toThrow(/: the user name or password was not accepted$/);
    await expect(attempt).rejects.not.toThrow(/certainly-wrong/);
  });

  it('explains an S3 bucket that does not exist, and serves from one that does', async () => {
    const s3 = await startS3Server('zhengji-files');
    onTestFinished(() => s3.close());
    const { endpoint, accessKeyId, secretAccessKey } = s3.settings;
    const env = { DATA_DIR: tempDir(), S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey };
    await expect(startApp(loadConfig({ ...env, S3_BUCKET: 'no-such-bucket' }))).rejects.toThrow(
      new StartupError(`Cannot use the S3 bucket no-such-bucket at ${endpoint}: no such bucket`),
    );
    const started = await startApp(loadConfig({ ...env, S3_BUCKET: 'zhengji-files' }), { clock: NOW, logger: false });
    onTestFinished(() => started.app.close());
    expect(started.app.storage.kind).toBe('s3');
  });

  it('stops before touching the database when a campaign file is broken', async () => {
    const data = seventhCampaignData();
    data.caseStyle.summaryMaxChars = -1;
    const dir = campaignsFolder({ 'seventh-collection.yaml': data });
    await expect(startApp(loadConfig({ DATA_DIR: tempDir(), CAMPAIGNS_DIR: dir }))).rejects.toThrow(
      new StartupError(`Campaign files in ${dir} are not valid:\n  - seventh-collection.yaml: caseStyle.summaryMaxChars: Too small: expected number to be >0`),
    );
  });
});
