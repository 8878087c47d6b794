import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuCheckMs, machineDescription } from './harness.ts';

// The cases export at 2,000 and at 10,000 cases, each in a fresh process (bench/servers/export-run.ts):
// rows, bytes, seconds, and how far the process's memory grows while the workbook streams. The
// export reads 500 cases at a time and writes each row as it goes, so the growth should not
// follow the case count: compare growth_ratio (10k over 2k) with the 5× the cases grew by.

const here = path.dirname(fileURLToPath(import.meta.url));

function runOnce(cases: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, 'servers', 'export-run.ts')], {
      env: { ...process.env, CASES: String(cases) }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.once('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`export run of ${cases} cases exited with ${code}`));
      else resolve(JSON.parse(line) as Record<string, number>);
    });
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = cpuCheckMs();
  const small = await runOnce(2_000);
  const large = await runOnce(10_000);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    bench: 'export-10k',
    kind: 'cases',
    ...large,
    at_2k: small,
    rss_growth_ratio: round(large.rss_growth_mib! / Math.max(small.rss_growth_mib!, 0.1)),
    heap_growth_ratio: round(large.heap_growth_mib! / Math.max(small.heap_growth_mib!, 0.1)),
    load_average: [round(loadBefore), round(os.loadavg()[0]!)],
    cpu_check_ms: [cpuBefore, cpuCheckMs()],
    machine: machineDescription(),
  };
}
