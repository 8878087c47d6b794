import { load, LOAD_TOOL, type LoadResult, machineDescription, median, startServerProcess } from './harness.ts';

// The special page over real HTTP on loopback, against a bare Fastify "hello" in the same run.
// Target: page_rps ≥ 0.5 × baseline_rps, p99 ≤ 50 ms at 50 connections. A shared VM's speed
// drifts from second to second, so the two alternate for several rounds and medians are kept.
export async function run(): Promise<Record<string, unknown>> {
  const connections = 50;
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

  const hello = await startServerProcess('hello');
  const app = await startServerProcess('app');
  const pageUrl = `${app.url}/campaigns/seventh-collection`;
  const baseline: LoadResult[] = [];
  const page: LoadResult[] = [];
  try {
    await load(hello.url, connections, 2);
    await load(pageUrl, connections, 2);
    for (let round = 0; round < rounds; round += 1) {
      baseline.push(await load(hello.url, connections, seconds));
      page.push(await load(pageUrl, connections, seconds));
    }
  } finally {
    await hello.stop();
    await app.stop();
  }

  const failures = page.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
  if (failures > 0) throw new Error(`the special page failed under load: ${failures} errors or non-2xx answers`);
  const baselineRps = median(baseline.map((r) => r.rps));
  const pageRps = median(page.map((r) => r.rps));
  return {
    bench: 'public-pages',
    load_tool: LOAD_TOOL,
    connections,
    rounds,
    seconds_per_round: seconds,
    baseline_rps: baselineRps,
    page_rps: pageRps,
    ratio: Math.round((pageRps / baselineRps) * 100) / 100,
    p99_ms: median(page.map((r) => r.p99_ms)),
    baseline_p99_ms: median(baseline.map((r) => r.p99_ms)),
    machine: machineDescription(),
  };
}
