import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The real process, as `npm start` runs it: what an operator sees on a bad start, and a clean stop.

function run(env: Record<string, string>, onReady?: (port: string, stop: () => void) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zhengji-main-')), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
    if (port && onReady) {
      const ready = onReady;
      onReady = undefined;
      ready(port, () => child.kill('SIGTERM'));
    }
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('the server process', () => {
  it('lists every configuration problem and exits without a stack trace', async () => {
    const { code, stderr } = await run({ PORT: 'abc', ZHENGJI_ADMIN_EMAIL: 'not-an-email', ZHENGJI_ADMIN_PASSWORD: 'short' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'Zhengji cannot start / 征集平台无法启动',
        'Configuration error:',
        '  - PORT: must be a whole number (got "abc")',
        '  - ZHENGJI_ADMIN_EMAIL: must be an e-mail address (got "not-an-email")',
        '  - ZHENGJI_ADMIN_PASSWORD: must be at least 12 characters',
        '',
      ].join('\n'),
    );
  });

  it('explains an unreachable database in one line', async () => {
    const { code, stderr } = await run({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/zhengji' });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'Zhengji cannot start / 征集平台无法启动\nCannot connect to the database at postgres://127.0.0.1:1/zhengji: connection refused (is PostgreSQL running and listening there?)\n',
    );
  });

  it('serves, then finishes cleanly on SIGTERM', async () => {
    let health: unknown;
    const { code, stdout } = await run({ PORT: '0', LOG_LEVEL: 'info' }, async (port, stop) => {
      health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
      stop();
    });
    expect(health).toEqual({ status: 'ok' });
    expect(code).toBe(0);
    const messages = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(messages.at(-1)).toMatchObject({ signal: 'SIGTERM', msg: 'closing: finishing requests in flight' });
    const completed = messages.find((m) => m.msg === 'request completed');
    expect(completed).toBeUndefined(); // /healthz logs at warn level only, keeping probes out of the log
  });
});
