import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/db/database.ts';
import { sealAllAudit, verifyAuditChain } from '../server/modules/audit/audit.service.ts';
import { tusMetadata } from '../server/testing/tus.ts';
import {
  caseContent, newClient, percentile, prepareDeadlineRun, request, round2, seed, SESSION_COOKIE,
  type Answer, type Client, type Unit,
} from './deadline.ts';
import { machineDescription, type RunningServer, startServerProcess } from './harness.ts';

// The last hour before a deadline, as a mix: 60 % reads (a unit's case and status 40 %, the
// public special page 20 %), 30 % autosaves, 5 % upload pieces (256 KB of a video), 5 % submits,
// drawn at random by `connections` clients, each with one request in flight, as fast as the
// server answers, for BENCH_SECONDS (20). Prints requests per second, p99 per kind, errors, and
// the rate as a ratio to a bare Fastify answering "hello" to the same clients. Answers 503 with
// Retry-After (load shedding) are counted apart from errors. SQLite by default; PostgreSQL with
// BENCH_DATABASE_URL. Target: p99 ≤ 200 ms for autosave and submit, 0 errors.

const KINDS = ['read', 'page', 'autosave', 'upload', 'submit'] as const;
type Kind = (typeof KINDS)[number];
const WEIGHTS: Record<Kind, number> = { read: 40, page: 20, autosave: 30, upload: 5, submit: 5 };
const PIECE = randomBytes(256 * 1024);
const VIDEO_BYTES = 1024 ** 3;

interface Tally { latencies: number[]; ok: number; errors: number; shed: number; samples: string[] }

function pickKind(random: number): Kind {
  let at = random * 100;
  for (const kind of KINDS) {
    if ((at -= WEIGHTS[kind]) < 0) return kind;
  }
  return 'read';
}

interface Saver { unit: Unit; index: number; version: number; busy: boolean }
interface Uploader { unit: Unit; location: string; offset: number; busy: boolean }

export async function run(): Promise<Record<string, unknown>> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
  const { engine, root, dataDir, campaign, postgres, serverEnv } = await prepareDeadlineRun('zhengji-deadline-mix-');
  let server: RunningServer | undefined;
  let hello: RunningServer | undefined;
  try {
    server = await startServerProcess('deadline', serverEnv);
    // Submitters need a fresh case for each submit; savers and uploaders keep their own.
    const seedDb = await openDatabase({ databaseUrl: postgres?.url, dataDir });
    const units = await seed(seedDb.db, dataDir, campaign, Math.ceil(seconds * 400) + 2 * connections).finally(() => seedDb.db.destroy());
    const base = new URL(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const clients = await Promise.all(Array.from({ length: connections }, () => newClient(agent, base)));
    const headers = (client: Client, unit: Unit, extra: Record<string, string> = {}) => ({
      'accept-language': 'zh-CN,zh;q=0.9', 'x-csrf-token': client.csrfToken, cookie: `${client.csrfCookie}; ${SESSION_COOKIE}=${unit.token}`, ...extra,
    });
    const json = (body: string) => ({ 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });

    const savers: Saver[] = [];
    const uploaders: Uploader[] = [];
    for (let i = 0; i < connections; i += 1) {
      const unit = units.pop()!;
      const read = await request(agent, base, 'GET', `/api/v1/cases/${unit.caseId}`, headers(clients[0]!, unit));
      savers.push({ unit, index: i, version: (JSON.parse(read.body) as { data: { version: number } }).data.version, busy: false });
    }
    for (let i = 0; i < Math.max(4, connections / 8); i += 1) {
      const unit = units.pop()!;
      const meta = tusMetadata({ caseId: unit.caseId, kind: 'videos', filename: `宣传片${i}.mp4` });
      const created = await request(agent, base, 'POST', '/api/v1/uploads', headers(clients[0]!, unit, { 'tus-resumable': '1.0.0', 'upload-length': String(VIDEO_BYTES), 'upload-metadata': meta, 'content-length': '0' }));
      if (created.status !== 201) throw new Error(`creating an upload answered ${created.status}: ${created.body}`);
      uploaders.push({ unit, location: String(created.headers.location), offset: 0, busy: false });
    }

    const tallies = Object.fromEntries(KINDS.map((k) => [k, { latencies: [], ok: 0, errors: 0, shed: 0, samples: [] } as Tally])) as Record<Kind, Tally>;
    const free = <T extends { busy: boolean }>(list: T[]) => list.find((x) => !x.busy);
    let submitted = 0;

    const once = async (client: Client, kind: Kind): Promise<void> => {
      let answer: Answer;
      let ok = (a: Answer) => a.status === 200;
      let after: (a: Answer) => void = () => undefined;
      const sent = performance.now();
      let release = () => undefined as void;
      if (kind === 'page') {
        answer = await request(agent, base, 'GET', '/campaigns/seventh-collection', { 'accept-language': 'zh-CN,zh;q=0.9', 'accept-encoding': 'gzip, br' });
      } else if (kind === 'read') {
        const saver = savers[Math.floor(Math.random() * savers.length)]!;
        answer = await request(agent, base, 'GET', `/api/v1/cases/${saver.unit.caseId}`, headers(client, saver.unit));
      } else if (kind === 'autosave') {
        const saver = free(savers);
        if (!saver) return;
        saver.busy = true;
        release = () => { saver.busy = false; };
        const { content } = caseContent(saver.index + saver.version, campaign, campaign.caseStyle.bodyMaxChars - 50);
        const body = JSON.stringify({ version: saver.version, content, declaration: {}, superiorName: '街道工委', superiorEmail: null });
        answer = await request(agent, base, 'PUT', `/api/v1/cases/${saver.unit.caseId}/draft`, headers(client, saver.unit, json(body)), body);
        after = (a) => { saver.version = (JSON.parse(a.body) as { data: { version: number } }).data.version; };
      } else if (kind === 'upload') {
        const uploader = free(uploaders);
        if (!uploader) return;
        uploader.busy = true;
        release = () => { uploader.busy = false; };
        answer = await request(agent, base, 'PATCH', uploader.location, headers(client, uploader.unit, {
          'tus-resumable': '1.0.0', 'upload-offset': String(uploader.offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(PIECE.length),
        }), PIECE as unknown as string);
        ok = (a) => a.status === 204;
        after = (a) => { uploader.offset = Number(a.headers['upload-offset']); };
      } else {
        const unit = units.pop();
        if (!unit) return;
        const body = JSON.stringify({ requestKey: randomUUID() });
        answer = await request(agent, base, 'POST', `/api/v1/cases/${unit.caseId}/submit`, headers(client, unit, json(body)), body);
        ok = (a) => a.status === 201;
        after = () => { submitted += 1; };
      }
      const tally = tallies[kind];
      tally.latencies.push(performance.now() - sent);
      if (ok(answer)) {
        tally.ok += 1;
        after(answer);
      } else if (answer.status === 503 && answer.headers['retry-after']) tally.shed += 1;
      else {
        tally.errors += 1;
        if (tally.samples.length < 3) tally.samples.push(`${answer.status} ${answer.body.slice(0, 300)}`);
      }
      release();
    };

    const drive = async (phaseSeconds: number, step: (client: Client) => Promise<void>) => {
      const until = performance.now() + phaseSeconds * 1000;
      await Promise.all(clients.map(async (client) => {
        while (performance.now() < until) await step(client);
      }));
    };
    await drive(2, (client) => once(client, pickKind(Math.random())).catch(() => undefined));
    for (const tally of Object.values(tallies)) Object.assign(tally, { latencies: [], ok: 0, errors: 0, shed: 0, samples: [] });
    submitted = 0;
    const started = performance.now();
    await drive(seconds, (client) => once(client, pickKind(Math.random())).catch((error: unknown) => {
      tallies.read.errors += 1;
      if (tallies.read.samples.length < 3) tallies.read.samples.push(String(error));
    }));
    const elapsed = (performance.now() - started) / 1000;
    agent.destroy();
    await server.stop();
    server = undefined;

    // The baseline: the same clients against a bare Fastify "hello".
    hello = await startServerProcess('hello');
    const helloBase = new URL(hello.url);
    const helloAgent = new http.Agent({ keepAlive: true, maxSockets: connections });
    let helloCount = 0;
    const helloStarted = performance.now();
    const until = helloStarted + Math.min(seconds, 10) * 1000;
    await Promise.all(clients.map(async () => {
      while (performance.now() < until) {
        await request(helloAgent, helloBase, 'GET', '/', {});
        helloCount += 1;
      }
    }));
    const helloRps = helloCount / ((performance.now() - helloStarted) / 1000);
    helloAgent.destroy();

    const verifyDb = await openDatabase({ databaseUrl: postgres?.url, dataDir });
    const audit = await sealAllAudit(verifyDb.db).then(() => verifyAuditChain(verifyDb.db)).finally(() => verifyDb.db.destroy());
    for (const [kind, tally] of Object.entries(tallies)) for (const sample of tally.samples) console.error(`deadline-mix: ${kind} error: ${sample}`);
    const total = KINDS.reduce((sum, k) => sum + tallies[k].latencies.length, 0);
    const perKind = Object.fromEntries(KINDS.map((k) => {
      const sorted = [...tallies[k].latencies].sort((a, b) => a - b);
      return [k, { per_s: Math.round(sorted.length / elapsed), p50_ms: round2(percentile(sorted, 50)), p99_ms: round2(percentile(sorted, 99)), errors: tallies[k].errors, shed: tallies[k].shed }];
    }));
    return {
      bench: 'deadline-mix',
      engine,
      requests_per_s: Math.round(total / elapsed),
      ratio_to_bare_fastify: round2(total / elapsed / helloRps),
      bare_fastify_per_s: Math.round(helloRps),
      ...Object.fromEntries(KINDS.map((k) => [k, perKind[k]])),
      errors: KINDS.reduce((sum, k) => sum + tallies[k].errors, 0),
      submits: submitted,
      audit_chain_ok: audit.ok,
      connections,
      seconds: round2(elapsed),
      machine: machineDescription(),
    };
  } finally {
    await server?.stop();
    await hello?.stop();
    await postgres?.drop();
    rmSync(root, { recursive: true, force: true });
  }
}
