import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Insertable, Kysely } from 'kysely';
import pg from 'pg';
import { parse, stringify } from 'yaml';
import type { Campaign } from '../core/campaign/campaign.schema.ts';
import { canonicalCase } from '../core/case/canonical.ts';
import type { CaseContent } from '../core/case/case-content.ts';
import { caseCounts } from '../core/case/case-counts.ts';
import { preflight } from '../core/case/preflight.ts';
import { normalizeOrgName } from '../core/org/org-name.ts';
import { xorshift32 } from '../core/random/seeded.ts';
import { countZi } from '../core/text/zi-count.ts';
import { openDatabase } from '../server/db/database.ts';
import type { AttachmentsTable, CaseContentsTable, CasesTable, Database } from '../server/db/schema.ts';
import { sealAllAudit, verifyAuditChain } from '../server/modules/audit/audit.service.ts';
import { hashSecretToken } from '../server/shared/secret-token.ts';
import { blobPath } from '../server/storage/blob-store.ts';
import { startNginx } from '../server/testing/nginx.ts';
import { cpuCheckMs, machineDescription, type RunningServer, startServerProcess } from './harness.ts';

// The last day before the deadline: many units submit complete cases (a body of just under
// 5,000 字, five attachments already uploaded) over real HTTP on loopback, as fast as the
// server answers, for BENCH_SECONDS (30). Then every receipt a client got is looked up in the
// database and its hashes recomputed. SQLite in a fresh DATA_DIR by default; with
// BENCH_DATABASE_URL (a PostgreSQL URL whose user may create databases) a fresh database on that
// server, dropped afterwards. BENCH_INSTANCES=2 (with BENCH_DATABASE_URL, and /usr/sbin/nginx)
// runs two instances on that database and one data folder behind nginx, round-robin.
// Target: submits_per_s ≥ 500, p99_ms ≤ 250, errors 0, receipts_verified = submits.

const SLUG = 'seventh-collection';
export const SESSION_COOKIE = 'zhengji_session';

// ---------------------------------------------------------------------------------------------
// Varied Chinese case text, counted as the notice counts it (core/text/zi-count.ts). Every
// fragment starts and ends with a CJK character or full-width punctuation, so counts add up.

const PLACES = ['朝阳区', '海淀区', '浦东新区', '天河区', '武侯区', '江北区', '鼓楼区', '雁塔区', '历下区', '岳麓区', '思明区', '南岗区', '和平区', '金水区', '西湖区', '青秀区'];
const SUBJECTS = ['社区党委', '村党支部', '街道党工委', '机关党委', '企业党委', '学校党总支', '医院党委', '园区联合党委', '楼宇党支部', '网格党小组', '物业党支部', '商圈党委'];
const ACTIONS = [
  '坚持党建引领', '推行网格化管理', '建立“红色议事厅”', '开展党员联系户活动', '完善“一站式”服务', '组织在职党员到社区报到', '搭建共建共享平台',
  '实行“四议两公开”', '推动资源下沉', '健全民主协商机制', '打造党群服务中心', '设立“党员先锋岗”', '建立问题清单和责任清单', '推行“吹哨报到”机制',
];
const OBJECTS = [
  '把服务送到群众家门口', '推动矛盾纠纷就地化解', '让群众的急难愁盼有人管', '把党的组织优势转化为治理效能', '促进集体经济持续增收', '凝聚起共建共治的合力',
  '打通联系服务群众的“最后一米”', '让党员在关键时刻站得出来', '把基层党组织建成坚强战斗堡垒', '增强群众的获得感和幸福感', '推动各类组织协同发力',
];
const RESULTS: ((n: number) => string)[] = [
  (n) => `累计办理民生实事${n}件`, (n) => `群众满意度提升到${90 + (n % 10)}%`, (n) => `覆盖居民${n}户`, (n) => `发展党员${n % 90 + 10}名`,
  (n) => `化解矛盾纠纷${n % 500 + 20}起`, (n) => `带动村集体增收${n}万元`, (n) => `组建志愿服务队${n % 40 + 5}支`, (n) => `服务群众${n}人次`,
];
const CONNECTORS = ['', '同时，', '此外，', '在此基础上，', '通过这一做法，', '近年来，', '实践中，', '与此同时，'];
const SHORT = ['成效明显。', '群众认可。', '经验可推广。', '机制更健全。', '作用更突出。', '基础更牢固。'];

function sentence(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const n = 100 + Math.floor(random() * 9900);
  return `${pick(CONNECTORS)}${pick(PLACES)}${pick(SUBJECTS)}${pick(ACTIONS)}，${pick(OBJECTS)}，${pick(RESULTS)(n)}。`;
}

/** `sections` paragraphs totalling close to `budget` 字 (never over), with each part's count. */
function fillSection(random: () => number, heading: string, budget: number): { html: string; count: number } {
  let count = countZi(heading);
  const paragraphs: string[] = [];
  let paragraph = '';
  let inParagraph = 0;
  for (;;) {
    const s = sentence(random);
    const n = countZi(s);
    if (count + n > budget) break;
    paragraph += s;
    count += n;
    inParagraph += 1;
    if (inParagraph >= 4 + Math.floor(random() * 3)) {
      paragraphs.push(paragraph);
      paragraph = '';
      inParagraph = 0;
    }
  }
  for (;;) {
    const s = SHORT[Math.floor(random() * SHORT.length)]!;
    const n = countZi(s);
    if (count + n > budget) break;
    paragraph += s;
    count += n;
  }
  if (paragraph) paragraphs.push(paragraph);
  return { html: `<h3>${heading}</h3>${paragraphs.map((p) => `<p>${p}</p>`).join('')}`, count };
}

const SECTIONS = [['background', '一、背景'], ['practice', '二、做法'], ['effectiveness', '三、成效'], ['discussion', '四、探讨']] as const;

export function caseContent(index: number, campaign: Campaign, bodyMax: number): { content: CaseContent; body: number } {
  const random = xorshift32(index * 2654435761 + 12345);
  const place = PLACES[index % PLACES.length]!;
  const subject = SUBJECTS[Math.floor(index / PLACES.length) % SUBJECTS.length]!;
  let body = 0;
  const sections: Record<string, string> = { appendix: '' };
  for (let i = 0; i < SECTIONS.length; i += 1) {
    const [key, heading] = SECTIONS[i]!;
    // Spread what is left over the sections still to fill, so the body ends just under the limit.
    const part = fillSection(random, heading, Math.floor((bodyMax - body) / (SECTIONS.length - i)));
    sections[key] = part.html;
    body += part.count;
  }
  let summary = '';
  while (countZi(summary) < 300) summary += sentence(random);
  const categories = campaign.categories.map((c) => c.key);
  return {
    content: {
      title: `${place}${subject}第${index + 1}号案例：“${ACTIONS[index % ACTIONS.length]!.replace(/[“”]/g, '')}”的探索与实践`,
      category: categories[index % categories.length]!,
      keywords: ['党建引领', SUBJECTS[index % SUBJECTS.length]!, '基层治理'],
      summary: `<p>${summary}</p>`,
      sections,
    },
    body,
  };
}

// ---------------------------------------------------------------------------------------------
// Set-up: campaign file with the window open now, a fresh database, units seeded through SQL.

/** "2026-11-26T15:04:05" in Asia/Shanghai (UTC+8 all year) for an instant. */
const shanghaiLocal = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);

export function campaignsFolder(root: string): { dir: string; campaign: Campaign } {
  const data = parse(readFileSync(path.join('campaigns', `${SLUG}.yaml`), 'utf8')) as Campaign & { window: Record<string, unknown> };
  const now = Date.now();
  // The last day: the window opened weeks ago and closes tonight (and a margin for the run).
  data.window.opensAt = shanghaiLocal(new Date(now - 60 * 86_400_000));
  data.window.closesAt = shanghaiLocal(new Date(now + 6 * 3_600_000));
  // Review is due after the collection closes (the schema refuses anything else).
  data.review.dueAt = shanghaiLocal(new Date(now + 60 * 86_400_000));
  const dir = path.join(root, 'campaigns');
  mkdirSync(dir);
  writeFileSync(path.join(dir, `${SLUG}.yaml`), stringify(data));
  return { dir, campaign: data };
}

interface SeedBlob {
  sha256: string;
  size: number;
  mediaType: string;
}

/** A pool of distinct stored files (scans, declaration forms, photos) with real hashes. */
function writeBlobPool(dataDir: string): { declaration: SeedBlob[]; sealed: SeedBlob[]; photos: SeedBlob[] } {
  const make = (count: number, mediaType: string, head: Buffer, tail: Buffer, min: number, max: number) =>
    Array.from({ length: count }, () => {
      const bytes = Buffer.concat([head, randomBytes(min + Math.floor(Math.random() * (max - min))), tail]);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = blobPath(dataDir, sha256);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      return { sha256, size: bytes.length, mediaType };
    });
  const jpeg = [Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from([0xff, 0xd9])] as const;
  return {
    declaration: make(32, 'application/pdf', Buffer.from('%PDF-1.7\n'), Buffer.from('\n%%EOF\n'), 40_000, 120_000),
    sealed: make(32, 'image/jpeg', jpeg[0], jpeg[1], 150_000, 400_000),
    photos: make(96, 'image/jpeg', jpeg[0], jpeg[1], 80_000, 300_000),
  };
}

export interface Unit {
  caseId: string;
  token: string;
  /** SHA-256 of the canonical document the receipt must carry (it does not depend on seq). */
  expectedSha256: string;
  /** attachment id → sha256 */
  attachments: Map<string, string>;
}

async function insertBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seed(db: Kysely<Database>, dataDir: string, campaign: Campaign, count: number): Promise<Unit[]> {
  const { id: campaignId } = await db.selectFrom('campaigns').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
  const pool = writeBlobPool(dataDir);
  const now = new Date();
  const stamp = now.toISOString();
  const all = [...pool.declaration, ...pool.sealed, ...pool.photos];
  await insertBatches(all, 200, (batch) => db.insertInto('blobs').values(batch.map((b) => ({ sha256: b.sha256, size: b.size, media_type: b.mediaType, created_at: stamp }))).execute());

  const bodyMax = campaign.caseStyle.bodyMaxChars;
  const units: Unit[] = [];
  const chunk = 250;
  for (let start = 0; start < count; start += chunk) {
    const users: Insertable<Database['users']>[] = [], orgs: Insertable<Database['organizations']>[] = [];
    const members: Insertable<Database['organization_members']>[] = [], sessions: Insertable<Database['sessions']>[] = [];
    const cases: Insertable<CasesTable>[] = [], contents: Insertable<CaseContentsTable>[] = [], attachments: Insertable<AttachmentsTable>[] = [];
    for (let i = start; i < Math.min(count, start + chunk); i += 1) {
      const userId = randomUUID();
      const orgId = randomUUID();
      const caseId = randomUUID();
      const token = randomBytes(32).toString('base64url');
      const email = `unit-${i}@bench.example.cn`;
      const name = `${PLACES[i % PLACES.length]}第${i + 1}${SUBJECTS[i % SUBJECTS.length]}`;
      users.push({ id: userId, email, password_hash: null, display_name: `操作员${i + 1}`, email_verified_at: stamp, created_at: stamp, updated_at: stamp });
      orgs.push({
        id: orgId, name, name_key: normalizeOrgName(name), type: campaign.categories[i % campaign.categories.length]!.key, level: 'village',
        division_code: '110105', credit_code: null, superior_name: '中共北京市朝阳区建外街道工作委员会', superior_email: 'jianwai@example.cn',
        address: `北京市朝阳区建外大街${i + 1}号`, contact_name: '李华', contact_position: '党委书记', contact_phone: '010-65001234',
        contact_email: email, merged_into: null, created_at: stamp, updated_at: stamp,
      });
      members.push({ organization_id: orgId, user_id: userId, role: 'owner', created_at: stamp });
      sessions.push({
        id: randomUUID(), token_hash: hashSecretToken(token), user_id: userId, created_at: stamp, last_seen_at: stamp,
        expires_at: new Date(now.getTime() + 7 * 86_400_000).toISOString(), user_agent: 'zhengji-bench', ip: '127.0.0.1',
      });
      const { content, body } = caseContent(i, campaign, bodyMax);
      // Sampled: the whole preflight (the same function the server runs) and the 字 count as the server counts it.
      if (i % 997 === 0) {
        const counted = caseCounts(campaign, content).body.count;
        if (counted !== body || counted > bodyMax || counted < bodyMax - 20) throw new Error(`case ${i}: body counts ${counted} 字 (expected ${body}, just under ${bodyMax})`);
      }
      cases.push({
        id: caseId, campaign_id: campaignId, organization_id: orgId, status: 'draft', title: content.title,
        version: 3, superior_name: '', superior_email: null, created_by: userId, updated_by: userId, created_at: stamp, updated_at: stamp,
      });
      contents.push({ case_id: caseId, content: JSON.stringify(content), declaration: '{}' });
      const files: { kind: string; fileName: string; blob: SeedBlob }[] = [
        { kind: 'declaration-form', fileName: '申报表.pdf', blob: pool.declaration[i % pool.declaration.length]! },
        { kind: 'sealed-form', fileName: '申报表（盖章）扫描件.jpg', blob: pool.sealed[(i * 7) % pool.sealed.length]! },
        ...[0, 1, 2].map((k) => ({ kind: 'photos', fileName: `活动照片${k + 1}.jpg`, blob: pool.photos[(i * 3 + k) % pool.photos.length]! })),
      ];
      const unitAttachments = new Map<string, string>();
      files.forEach((f, k) => {
        const id = randomUUID();
        unitAttachments.set(id, f.blob.sha256);
        attachments.push({
          id, case_id: caseId, kind: f.kind, file_name: f.fileName, sha256: f.blob.sha256, size: f.blob.size, media_type: f.blob.mediaType,
          thumbnail_sha256: null, width: null, height: null, created_by: userId, created_at: new Date(now.getTime() + k).toISOString(), removed_at: null,
        });
      });
      if (i % 997 === 0) {
        const problems = preflight({
          campaign, content, attachments: files.map((f) => ({ kind: f.kind, fileName: f.fileName, readable: true })), recommendation: 'none',
          unit: { address: 'x', contactName: 'x', contactPhone: 'x', contactEmail: 'x', superiorName: 'x' },
        });
        if (problems.length > 0) throw new Error(`case ${i} would not pass preflight: ${JSON.stringify(problems)}`);
      }
      const expectedSha256 = createHash('sha256').update(canonicalCase({ campaign: SLUG, caseId, content, declaration: {} })).digest('hex');
      units.push({ caseId, token, expectedSha256, attachments: unitAttachments });
    }
    await db.transaction().execute(async (trx) => {
      await insertBatches(users, 100, (b) => trx.insertInto('users').values(b).execute());
      await insertBatches(orgs, 50, (b) => trx.insertInto('organizations').values(b).execute());
      await insertBatches(members, 200, (b) => trx.insertInto('organization_members').values(b).execute());
      await insertBatches(sessions, 100, (b) => trx.insertInto('sessions').values(b).execute());
      await insertBatches(cases, 50, (b) => trx.insertInto('cases').values(b).execute());
      await insertBatches(contents, 50, (b) => trx.insertInto('case_contents').values(b).execute());
      await insertBatches(attachments, 100, (b) => trx.insertInto('attachments').values(b).execute());
    });
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Load: `connections` clients, each with one request in flight on a keep-alive connection.

export interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function request(agent: http.Agent, base: URL, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: base.hostname, port: base.port, method, path: urlPath, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface ReceiptAnswer {
  caseId: string;
  seq: number;
  receiptNumber: string;
  contentSha256: string;
  attachments: { id: string; sha256: string; size: number }[];
}

interface Outcome {
  unit: number;
  requestKey: string;
  receipt: ReceiptAnswer;
}

interface PhaseResult {
  ok: Outcome[];
  latencies: number[];
  errors: number;
  errorSamples: string[];
  seconds: number;
}

export interface Client {
  csrfToken: string;
  csrfCookie: string;
}

export async function newClient(agent: http.Agent, base: URL): Promise<Client> {
  const answer = await request(agent, base, 'GET', '/api/v1/auth/csrf', {});
  if (answer.status !== 200) throw new Error(`GET /api/v1/auth/csrf answered ${answer.status}: ${answer.body}`);
  const setCookie = answer.headers['set-cookie']?.find((c) => c.startsWith('zhengji_csrf='));
  if (!setCookie) throw new Error('GET /api/v1/auth/csrf set no zhengji_csrf cookie');
  return { csrfToken: (JSON.parse(answer.body) as { token: string }).token, csrfCookie: setCookie.split(';')[0]! };
}

async function runPhase(agent: http.Agent, base: URL, clients: Client[], units: Unit[], next: { index: number }, seconds: number): Promise<PhaseResult> {
  const result: PhaseResult = { ok: [], latencies: [], errors: 0, errorSamples: [], seconds: 0 };
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(clients.map(async (client) => {
    while (performance.now() < until) {
      const i = next.index % units.length;
      next.index += 1;
      const unit = units[i]!;
      const requestKey = randomUUID();
      const body = JSON.stringify({ requestKey });
      const headers = {
        'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'accept-language': 'zh-CN,zh;q=0.9',
        'x-csrf-token': client.csrfToken, cookie: `${client.csrfCookie}; ${SESSION_COOKIE}=${unit.token}`,
      };
      const sent = performance.now();
      try {
        const answer = await request(agent, base, 'POST', `/api/v1/cases/${unit.caseId}/submit`, headers, body);
        result.latencies.push(performance.now() - sent);
        if (answer.status === 201) {
          result.ok.push({ unit: i, requestKey, receipt: (JSON.parse(answer.body) as { data: ReceiptAnswer }).data });
        } else {
          result.errors += 1;
          if (result.errorSamples.length < 5) result.errorSamples.push(`${answer.status} ${answer.body.slice(0, 500)}`);
        }
      } catch (error) {
        result.latencies.push(performance.now() - sent);
        result.errors += 1;
        if (result.errorSamples.length < 5) result.errorSamples.push(String(error));
      }
    }
  }));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

export const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * CPU time (user + system) a process has used so far, in ms, or with `mainThread` only its main
 * thread's (the event loop, which bounds throughput); NaN where /proc is not there.
 */
function cpuMsOf(pid: number | undefined, mainThread = false): number {
  try {
    const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------------------------------------
// Verify: every receipt a client got is in case_submissions with hashes that hold.

async function verify(db: Kysely<Database>, dataDir: string, units: Unit[], outcomes: Outcome[]): Promise<{ verified: Set<string>; problems: string[] }> {
  const problems: string[] = [];
  const verified = new Set<string>();
  const blobOk = new Map<string, boolean>();
  const blobFileOk = (sha256: string) => {
    let ok = blobOk.get(sha256);
    if (ok === undefined) {
      ok = createHash('sha256').update(readFileSync(blobPath(dataDir, sha256))).digest('hex') === sha256;
      blobOk.set(sha256, ok);
    }
    return ok;
  };
  const blobRows = new Map((await db.selectFrom('blobs').select(['sha256', 'size']).execute()).map((b) => [b.sha256, Number(b.size)]));
  for (let i = 0; i < outcomes.length; i += 500) {
    const batch = outcomes.slice(i, i + 500);
    const rows = await db
      .selectFrom('case_submissions')
      .select(['receipt_number', 'case_id', 'request_key', 'content', 'content_sha256', 'attachments', 'seq'])
      .where('receipt_number', 'in', batch.map((o) => o.receipt.receiptNumber))
      .execute();
    const byNumber = new Map(rows.map((r) => [r.receipt_number, r]));
    for (const o of batch) {
      const unit = units[o.unit]!;
      const row = byNumber.get(o.receipt.receiptNumber);
      const fail = (why: string) => problems.length < 10 && problems.push(`${o.receipt.receiptNumber}: ${why}`);
      if (!row) { fail('not in case_submissions'); continue; }
      if (row.case_id !== unit.caseId || o.receipt.caseId !== unit.caseId || row.request_key !== o.requestKey || row.seq !== o.receipt.seq) { fail('names another case, key or seq'); continue; }
      const sha = createHash('sha256').update(row.content).digest('hex');
      if (sha !== row.content_sha256 || sha !== o.receipt.contentSha256 || sha !== unit.expectedSha256) { fail('content hash does not match'); continue; }
      const stored = JSON.parse(row.attachments) as { id: string; sha256: string; size: number }[];
      const attachmentsOk = stored.length === unit.attachments.size && o.receipt.attachments.length === stored.length &&
        stored.every((a, k) => unit.attachments.get(a.id) === a.sha256 && o.receipt.attachments[k]?.sha256 === a.sha256 && blobRows.get(a.sha256) === a.size && blobFileOk(a.sha256));
      if (!attachmentsOk) { fail('attachment hashes do not match the blobs'); continue; }
      verified.add(o.receipt.receiptNumber);
    }
  }
  return { verified, problems };
}

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `zhengji_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  // An autovacuum worker still in the database makes DROP … WITH (FORCE) refuse (it is not ours
  // to end); it leaves within moments, so the drop is retried.
  const drop = async () => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch (error) {
        if (attempt >= 10) {
          console.error(`deadline: could not drop the bench database ${name}: ${String(error)}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  return { url: url.toString(), drop };
}

/**
 * A fresh data folder under a temporary root, the campaign open until tonight, and on
 * BENCH_DATABASE_URL a fresh PostgreSQL database; with the environment a bench server needs.
 */
export async function prepareDeadlineRun(prefix: string) {
  const baseDatabaseUrl = process.env.BENCH_DATABASE_URL || undefined;
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  const dataDir = path.join(root, 'data');
  mkdirSync(dataDir);
  const { dir: campaignsDir, campaign } = campaignsFolder(root);
  const postgres = baseDatabaseUrl ? await createPostgresDatabase(baseDatabaseUrl) : undefined;
  const serverEnv: Record<string, string> = { DATA_DIR: dataDir, CAMPAIGNS_DIR: campaignsDir, DATABASE_URL: postgres?.url ?? '' };
  return { engine: postgres ? 'postgres' : 'sqlite', root, dataDir, campaign, postgres, serverEnv };
}

export async function run(): Promise<Record<string, unknown>> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
  // Enough units that every submit of the run is a distinct case at well above the target rate.
  const unitCount = Number(process.env.BENCH_UNITS ?? Math.max(2000, Math.ceil((seconds + warmupSeconds) * 750)));
  const { engine, root, dataDir, campaign, postgres, serverEnv } = await prepareDeadlineRun('zhengji-deadline-');
  if (process.env.BENCH_CPU_PROF) serverEnv.BENCH_CPU_PROF = path.resolve(process.env.BENCH_CPU_PROF);

  const instances = Number(process.env.BENCH_INSTANCES ?? 1);
  if (instances > 1 && !postgres) throw new Error('BENCH_INSTANCES > 1 needs BENCH_DATABASE_URL: several instances share a PostgreSQL database');
  let server: RunningServer | undefined;
  const others: RunningServer[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  try {
    const setupStarted = performance.now();
    server = await startServerProcess('deadline', serverEnv);
    for (let i = 1; i < instances; i += 1) others.push(await startServerProcess('deadline', serverEnv));
    if (instances > 1) nginx = await startNginx(path.join(root, 'nginx'), [server.url, ...others.map((o) => o.url)]);
    const serverStarted = performance.now();
    const seedDb = await openDatabase({ databaseUrl: postgres?.url, dataDir });
    let units: Unit[];
    try {
      units = await seed(seedDb.db, dataDir, campaign, unitCount);
    } finally {
      await seedDb.db.destroy();
    }
    console.error(`deadline: ${engine}, server up in ${Math.round(serverStarted - setupStarted) / 1000} s, ${units.length} units seeded in ${Math.round(performance.now() - serverStarted) / 1000} s`);

    const base = new URL(nginx?.url ?? server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const clients = await Promise.all(Array.from({ length: connections }, () => newClient(agent, base)));
    const next = { index: 0 };
    const warmup = warmupSeconds > 0 ? await runPhase(agent, base, clients, units, next, warmupSeconds) : undefined;
    const cpuCheckBefore = cpuCheckMs();
    const loadBefore = os.loadavg()[0]!;
    const pids = [server.child.pid, ...others.map((o) => o.child.pid)];
    const serversCpuMs = (mainThread = false) => pids.reduce<number>((sum, pid) => sum + cpuMsOf(pid, mainThread), 0);
    const serverCpuBefore = serversCpuMs();
    const serverLoopBefore = serversCpuMs(true);
    const clientCpuBefore = process.cpuUsage();
    const load = await runPhase(agent, base, clients, units, next, seconds);
    const serverCpuMs = serversCpuMs() - serverCpuBefore;
    const serverLoopMs = serversCpuMs(true) - serverLoopBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const loadAfter = os.loadavg()[0]!;
    const cpuCheckAfter = cpuCheckMs();
    agent.destroy();
    nginx?.child.kill('SIGQUIT');
    nginx = undefined;
    for (const other of others.splice(0)) await other.stop();
    await server.stop();
    server = undefined;

    for (const sample of [...(warmup?.errorSamples ?? []), ...load.errorSamples]) console.error(`deadline: error answer: ${sample}`);
    const verifyDb = await openDatabase({ databaseUrl: postgres?.url, dataDir });
    let verified: Set<string>;
    let audit: Awaited<ReturnType<typeof verifyAuditChain>>;
    let recorded: { submits: number; events: number; mails: number };
    try {
      const result = await verify(verifyDb.db, dataDir, units, [...(warmup?.ok ?? []), ...load.ok]);
      verified = result.verified;
      for (const problem of result.problems) console.error(`deadline: receipt problem: ${problem}`);
      // What the server's sealer had not linked when it stopped is sealed here, then all of it checked.
      await sealAllAudit(verifyDb.db);
      audit = await verifyAuditChain(verifyDb.db);
      const count = async (query: Promise<{ n: string | number | bigint }>) => Number((await query).n);
      recorded = {
        submits: await count(verifyDb.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'case.submit').executeTakeFirstOrThrow()),
        events: await count(verifyDb.db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'submit').executeTakeFirstOrThrow()),
        mails: await count(verifyDb.db.selectFrom('mails').select((eb) => eb.fn.countAll().as('n')).where('template', '=', 'case_receipt').executeTakeFirstOrThrow()),
      };
    } finally {
      await verifyDb.db.destroy();
    }
    const allOk = (warmup?.ok.length ?? 0) + load.ok.length;
    if (recorded.submits !== allOk || recorded.events !== allOk || recorded.mails !== allOk) {
      console.error(`deadline: ${allOk} receipts, but ${recorded.submits} audit entries, ${recorded.events} case events, ${recorded.mails} receipt mails`);
    }
    if (!audit.ok) console.error(`deadline: the audit chain does not verify: ${JSON.stringify(audit)}`);

    const sorted = [...load.latencies].sort((a, b) => a - b);
    return {
      bench: 'deadline',
      engine,
      instances,
      submits_per_s: Math.round(load.ok.length / load.seconds),
      p99_ms: round2(percentile(sorted, 99)),
      p50_ms: round2(percentile(sorted, 50)),
      errors: load.errors + (warmup?.errors ?? 0),
      submits: load.ok.length,
      receipts_verified: load.ok.filter((o) => verified.has(o.receipt.receiptNumber)).length,
      warmup_submits: warmup?.ok.length ?? 0,
      warmup_verified: (warmup?.ok ?? []).filter((o) => verified.has(o.receipt.receiptNumber)).length,
      distinct_cases: Math.min(units.length, next.index),
      audit_chain_ok: audit.ok && recorded.submits === allOk && recorded.events === allOk && recorded.mails === allOk,
      connections,
      seconds: round2(load.seconds),
      // CPU per answered submit, in the server process and in this (load) process: steadier than
      // throughput on a shared machine.
      server_cpu_ms_per_submit: round2(serverCpuMs / Math.max(1, load.ok.length + load.errors)),
      server_main_thread_ms_per_submit: round2(serverLoopMs / Math.max(1, load.ok.length + load.errors)),
      client_cpu_ms_per_submit: round2((clientCpu.user + clientCpu.system) / 1000 / Math.max(1, load.ok.length + load.errors)),
      // The machine's 1-minute load average before and after the timed load: other work on a
      // shared machine takes cores from both server and clients.
      load_average: [round2(loadBefore), round2(loadAfter)],
      // The same fixed work timed just before and just after the load (see cpuCheckMs): when these
      // differ between runs, so does the machine.
      cpu_check_ms: [cpuCheckBefore, cpuCheckAfter],
      machine: machineDescription(),
    };
  } finally {
    nginx?.child.kill('SIGQUIT');
    for (const other of others) await other.stop();
    await server?.stop();
    await postgres?.drop();
    if (!process.env.BENCH_KEEP) rmSync(root, { recursive: true, force: true });
    else console.error(`deadline: kept ${root}`);
  }
}
