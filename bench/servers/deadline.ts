import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/start.ts';

// The real app as `npm start` builds it (job worker included), for the deadline bench: on the
// DATA_DIR and CAMPAIGNS_DIR the bench prepared, on SQLite there unless DATABASE_URL is set,
// logging at warn. SIGTERM closes the app (requests in flight, worker, database) and exits.
// BENCH_CPU_PROF=<dir> records a CPU profile of the whole run there (open it in Chrome DevTools).
const profileDir = process.env.BENCH_CPU_PROF;
const profiler = profileDir ? new Session() : undefined;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
  await profiler.post('Profiler.start');
}

// BENCH_LOOP_DELAY=1 reports how long ready work waited for the event loop, at exit.
const loopDelay = process.env.BENCH_LOOP_DELAY ? monitorEventLoopDelay({ resolution: 5 }) : undefined;
loopDelay?.enable();

const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'warn' });
const { app } = await startApp(config, { logger: { level: 'warn' } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });

async function close(): Promise<void> {
  await app.close();
  if (loopDelay) {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    console.error(`bench server: event loop delay p50 ${ms(loopDelay.percentile(50))} ms, p99 ${ms(loopDelay.percentile(99))} ms, max ${ms(loopDelay.max)} ms`);
  }
  if (profiler && profileDir) {
    const { profile } = await profiler.post('Profiler.stop');
    const file = path.resolve(profileDir, `deadline-server-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.error(`bench server: CPU profile in ${file}`);
  }
}

process.once('SIGTERM', () => {
  close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('closing the bench server failed', error);
      process.exit(1);
    },
  );
});
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
