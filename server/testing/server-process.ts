import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { attachRequiredFiles, completeContent } from './cases.ts';
import { createPerson, PASSWORD, UNIT_INPUT } from './people.ts';

// The real server as a separate process (server/main.ts) and a minimal browser that talks to it
// over real HTTP: for tests that kill it, overload it or watch it recover.

export interface ServerProcess {
  child: ChildProcess;
  url: string;
}

/** Starts the server on a free port with this environment; resolves once it listens. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** Stops it with `signal` and waits until it is gone. */
export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null) return;
  const gone = new Promise((done) => server.child.once('exit', done));
  server.child.kill(signal);
  await gone;
}

/** A minimal browser over real HTTP: cookies and the CSRF header. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private base: string) {}
  async send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'GET' && !this.csrf) this.csrf = (await (await this.send('GET', '/api/v1/auth/csrf')).json()).token;
    const res = await fetch(this.base + url, {
      method,
      headers: {
        cookie: this.headers().cookie!,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  }
  /** The cookie and CSRF headers, for a request made with fetch directly (a raw upload body). */
  headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': this.csrf };
  }
  rebase(base: string) {
    this.base = base;
  }
}

/**
 * Runs a write of the test's own on the server's SQLite file again while the server holds the
 * write lock: a transaction that read before the server wrote gets SQLITE_BUSY at once, whatever
 * the busy timeout. (The server itself is the only writer in production.)
 */
async function whileLocked<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= 20 || !/database is locked/.test(String((error as Error).message))) throw error;
      await new Promise((done) => setTimeout(done, 100 * attempt));
    }
  }
}

export interface ReadyUnit {
  client: HttpClient;
  caseId: string;
  /** The request key its submit sends (a retry sends the same). */
  key: string;
}

/**
 * `count` units signed in to the server at `url`, each with a complete case (body, declaration,
 * required files) ready to submit; the people and files go straight into the store.
 */
export async function unitsReadyToSubmit(url: string, store: { db: Kysely<Database>; dataDir: string }, count: number, prefix = 'unit'): Promise<ReadyUnit[]> {
  const units: ReadyUnit[] = [];
  for (let i = 0; i < count; i += 1) {
    const email = `${prefix}${i}@example.cn`;
    await whileLocked(() => createPerson(store.db, { email }));
    const client = new HttpClient(url);
    const expectOk = (res: Response, what: string) => {
      if (!res.ok) throw new Error(`${what} failed: ${res.status}`);
      return res;
    };
    expectOk(await client.send('POST', '/api/v1/auth/sign-in', { email, password: PASSWORD }), 'sign-in');
    const unit = await expectOk(await client.send('POST', '/api/v1/organizations', { ...UNIT_INPUT, name: `${prefix}第${i}社区党委` }), 'unit').json();
    const created = await expectOk(await client.send('POST', '/api/v1/campaigns/seventh-collection/cases', { organizationId: unit.data.id, title: `案例${i}` }), 'case').json();
    const caseId = created.data.id as string;
    expectOk(await client.send('PUT', `/api/v1/cases/${caseId}/draft`, { version: 1, content: completeContent(4800, `案例${i}`), declaration: {}, superiorName: '街道工委', superiorEmail: null }), 'draft');
    await whileLocked(() => attachRequiredFiles(store, caseId));
    units.push({ client, caseId, key: randomUUID() });
  }
  return units;
}
