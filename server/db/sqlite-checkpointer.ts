import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a thread of their own. By default SQLite checkpoints inside the commit that
 * pushes the write-ahead log past 1,000 pages: that commit copies the pages into the database
 * file and waits for two fsyncs, and with better-sqlite3 it does so on the event loop, stalling
 * every request for tens to hundreds of milliseconds. Here the app's connection never
 * checkpoints (wal_autocheckpoint = 0) and a worker thread with its own connection runs a
 * PASSIVE checkpoint every `intervalMs`: it copies what it can without blocking readers or the
 * writer, and once everything is copied the app's next write starts the log from the top, so
 * it stays small. If the worker stops unexpectedly, the app's connection checkpoints itself
 * again (`onFailure`), so the log can never grow without bound.
 */
export interface Checkpointer {
  /** Ends the worker after one last checkpoint. */
  stop(): Promise<void>;
}

// Plain CommonJS run with `eval`, so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(options: { file: string; intervalMs: number; onFailure: (error: Error) => void }): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: options.file, intervalMs: options.intervalMs, driver } });
  let stopping = false;
  const fail = (error: Error) => {
    if (stopping) return;
    stopping = true;
    options.onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the WAL checkpoint worker exited with code ${code}`)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
