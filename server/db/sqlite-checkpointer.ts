import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * WAL checkpoints off the event loop. By default SQLite checkpoints inside the commit that
 * pushes the write-ahead log past 1,000 pages: that commit copies the pages into the database
 * file and waits for two fsyncs, and with better-sqlite3 it does so on the event loop, stalling
 * every request for tens to hundreds of milliseconds.
 *
 * Here the app's connection never checkpoints on its own (wal_autocheckpoint = 0). A worker
 * thread with a second connection runs a PASSIVE checkpoint every `workerIntervalMs`: it copies
 * the log into the database file without blocking the app's reads or writes. Under steady
 * writes it can never quite finish, though, and the log only starts again from the top when a
 * write begins with every page copied; so every `finishIntervalMs` the app's connection, between
 * two of its transactions, copies the few pages the worker has not reached yet, and its next
 * write restarts the log. The log stays a few megabytes instead of growing for as long as the
 * load lasts (every read searches the whole log's index, so a growing log slows everything).
 *
 * If the worker stops unexpectedly, the app's connection checkpoints itself again, so the log
 * never grows without bound.
 */
export interface Checkpointer {
  /** Ends both halves; the worker's last checkpoint copies what is left. */
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  file: string;
  /** The app's connection. */
  database: SQLite.Database;
  /** Runs `pragma wal_checkpoint(PASSIVE)` on the app's connection between its transactions. */
  finish: () => Promise<unknown>;
  workerIntervalMs: number;
  finishIntervalMs: number;
  onFailure: (error: Error) => void;
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

export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  options.database.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: options.file, intervalMs: options.workerIntervalMs, driver } });
  const finisher = setInterval(() => void options.finish().catch(() => undefined), options.finishIntervalMs).unref();
  let stopping = false;
  const fail = (error: Error) => {
    if (stopping) return;
    stopping = true;
    clearInterval(finisher);
    if (options.database.open) options.database.pragma('wal_autocheckpoint = 1000');
    options.onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the WAL checkpoint worker exited with code ${code}`)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      clearInterval(finisher);
      if (stopping) return exited;
      stopping = true;
      worker.postMessage('stop');
      await exited;
    },
  };
}
