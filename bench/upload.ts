import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomFillSync } from 'node:crypto';
import * as tus from 'tus-js-client';
import { PASSWORD, UNIT_INPUT } from '../server/testing/people.ts';
import { machineDescription, median, startServerProcess } from './harness.ts';

// A 1 GiB video uploaded with tus (tus-js-client, one PATCH streamed from the file) over
// loopback to the real app in its own process, against writing the same bytes to the same disk
// with fsync, alternating for a few rounds. Target: ratio ≥ 0.8, and the server's resident
// memory growing by ≤ 64 MiB while it takes the file (it streams; it never holds the file).

const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? 1024 ** 3);
const MB = 1e6;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

async function makeVideo(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    for (let written = 0; written < SIZE; written += chunk.length) {
      randomFillSync(chunk);
      // An MP4 file type box first, so the server sniffs a video.
      if (written === 0) Buffer.from([0, 0, 0, 0x20, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2avc1mp41')]).copy(chunk);
      await handle.write(chunk, 0, Math.min(chunk.length, SIZE - written));
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Copies the file to the same disk and fsyncs it: what the disk alone can do with these bytes. */
async function diskWrite(source: string, target: string): Promise<number> {
  const start = performance.now();
  const out = createWriteStream(target, { highWaterMark: 1024 * 1024 });
  await pipeline(createReadStream(source, { highWaterMark: 1024 * 1024 }), out);
  const handle = await open(target, 'r+');
  await handle.sync();
  await handle.close();
  const seconds = (performance.now() - start) / 1000;
  await rm(target);
  return SIZE / MB / seconds;
}

class Session {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async call(method: string, url: string, body?: unknown): Promise<any> {
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookieHeader, 'x-csrf-token': this.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

function tusUpload(session: Session, caseId: string, file: string, kind: string, filename: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let attachmentId = '';
    const upload = new tus.Upload(createReadStream(file), {
      endpoint: `${session.base}/api/v1/uploads`,
      metadata: { caseId, kind, filename },
      headers: { cookie: session.cookieHeader, 'x-csrf-token': session.csrf },
      retryDelays: [],
      onAfterResponse: (_request, response) => {
        attachmentId = response.getHeader('zhengji-attachment-id') || attachmentId;
      },
      onError: reject,
      onSuccess: () => resolve(attachmentId),
    });
    upload.start();
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  await mkdir(path.join(process.cwd(), 'data'), { recursive: true });
  const dir = await mkdtemp(path.join(process.cwd(), 'data', 'bench-upload-'));
  const source = path.join(dir, 'video.mp4');
  const server = await startServerProcess('upload-app', { BENCH_DIR: dir });
  const pid = server.child.pid!;
  const speeds: number[] = [];
  const disk: number[] = [];
  const growth: number[] = [];
  try {
    await makeVideo(source);
    const session = new Session(server.url);
    session.csrf = (await session.call('GET', '/api/v1/auth/csrf')).token;
    await session.call('POST', '/api/v1/auth/sign-in', { email: 'bench@example.cn', password: PASSWORD });
    session.csrf = (await session.call('GET', '/api/v1/auth/csrf')).token;
    const unit = (await session.call('POST', '/api/v1/organizations', UNIT_INPUT)).data.id as string;
    const caseId = (await session.call('POST', '/api/v1/campaigns/seventh-collection/cases', { organizationId: unit, title: '基准测试案例' })).data.id as string;

    // Warm up the upload path (code, database, image library) with a small file first.
    const warm = path.join(dir, 'warm.mp4');
    await pipeline(createReadStream(source, { end: 4 * 1024 * 1024 - 1 }), createWriteStream(warm));
    await session.call('DELETE', `/api/v1/attachments/${await tusUpload(session, caseId, warm, 'videos', 'warm.mp4')}`);

    for (let round = 0; round < rounds; round += 1) {
      disk.push(await diskWrite(source, path.join(dir, 'disk-copy.bin')));
      const before = rssOf(pid);
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssOf(pid));
      }, 25);
      const start = performance.now();
      const attachmentId = await tusUpload(session, caseId, source, 'videos', '宣传片.mp4');
      const seconds = (performance.now() - start) / 1000;
      clearInterval(sampler);
      peak = Math.max(peak, rssOf(pid));
      speeds.push(SIZE / MB / seconds);
      growth.push((peak - before) / 1024 ** 2);
      // Keep the case under its count; the blob stays (same bytes each round).
      await session.call('DELETE', `/api/v1/attachments/${attachmentId}`);
    }
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const round2 = (n: number) => Math.round(n * 100) / 100;
  const mbPerS = median(speeds);
  const diskMbPerS = median(disk);
  return {
    bench: 'upload',
    bytes: SIZE,
    rounds,
    mb_per_s: round2(mbPerS),
    disk_mb_per_s: round2(diskMbPerS),
    ratio: round2(mbPerS / diskMbPerS),
    rss_growth_mb: round2(Math.max(...growth)),
    engine: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
    machine: machineDescription(),
  };
}
