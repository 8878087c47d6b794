import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface RunningServer {
  url: string;
  /** Everything the server printed on its first line (a bench server may add fixtures' ids). */
  info: Record<string, string>;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/servers/<name>.ts in its own process, so load and server do not share a core. */
export function startServerProcess(name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'servers', `${name}.ts`)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`bench server ${name} exited with ${code}`)));
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{"url"'));
      if (!line) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      const info = JSON.parse(line) as Record<string, string>;
      resolve({
        url: info.url!,
        info,
        child,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

export interface LoadResult {
  rps: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
}

// What a browser sends; servers answer it with a compressed body when they have one.
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'zh-CN,zh;q=0.9' };

// wrk (C) when installed: autocannon (JavaScript) spends more CPU parsing a 6 KB page than a
// small server spends producing it, so on two cores it measures itself. autocannon otherwise,
// or when BENCH_TOOL=autocannon.
export const WRK = process.env.BENCH_TOOL === 'autocannon' ? undefined : ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => existsSync(p));
export const LOAD_TOOL = WRK ? 'wrk' : 'autocannon';

function parseWrk(output: string): LoadResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(output);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: Math.round(rps),
    p99_ms: p99 ? Math.round(Number(p99[1]) * scale[p99[2] as keyof typeof scale] * 100) / 100 : NaN,
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
  };
}

/** A wrk script that asks for `paths` in turn (paths are plain ASCII: percent-encoded). */
function rotationScript(paths: string[]): string {
  const file = path.join(os.tmpdir(), `zhengji-wrk-${process.pid}-${createHash('sha256').update(paths.join('\n')).digest('hex').slice(0, 12)}.lua`);
  if (!existsSync(file)) {
    writeFileSync(file, `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(nil, paths[(i % #paths) + 1])\nend\n`);
  }
  return file;
}

function runWrk(url: string, connections: number, seconds: number, paths?: string[]): Promise<LoadResult> {
  const headerArgs = Object.entries(BROWSER_HEADERS).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const script = paths ? ['-s', rotationScript(paths)] : [];
  return new Promise((resolve, reject) => {
    execFile(WRK!, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, ...script, url], (error, stdout) =>
      error ? reject(error) : resolve(parseWrk(stdout)),
    );
  });
}

async function runAutocannon(url: string, connections: number, seconds: number, paths?: string[]): Promise<LoadResult> {
  let i = 0;
  const requests: autocannon.Request[] | undefined = paths ? [{ setupRequest: (request) => ({ ...request, path: paths[(i += 1) % paths.length]! }) }] : undefined;
  const result = await autocannon({ url, connections, duration: seconds, headers: BROWSER_HEADERS, ...(requests ? { requests } : {}) });
  return {
    rps: Math.round(result.requests.average),
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Drives `url` with `connections` keep-alive connections for `seconds`; with `paths`, asks for each of them on `url`'s host in turn. */
export function load(url: string, connections: number, seconds: number, paths?: string[]): Promise<LoadResult> {
  return WRK ? runWrk(url, connections, seconds, paths) : runAutocannon(url, connections, seconds, paths);
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Milliseconds this process takes for a fixed piece of work (hashing and JSON, one thread). A
 * shared virtual machine runs at different speeds from one minute to the next; printed before and
 * after a timed load, this tells a slow run on a slow machine from a slow run of slower code.
 */
export function cpuCheckMs(): number {
  const started = performance.now();
  const text = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: i, title: `基层党建创新案例第${i}号`, body: '坚持党建引领，推动资源下沉。'.repeat(20) })));
  for (let round = 0; round < 20; round += 1) {
    createHash('sha256').update(JSON.stringify(JSON.parse(text))).digest('hex');
  }
  return Math.round((performance.now() - started) * 10) / 10;
}

/** The machine a benchmark ran on, for its JSON line: cores, CPU model, memory, Node. */
export function machineDescription(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
