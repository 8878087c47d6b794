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
 * write restarts the log. The log stays small (about 12 MB under the deadline bench) instead
 * of growing for as long as the load lasts (every read searches the whole log's index, so a
 * growing log slows everything).
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
  /**
   * Runs `pragma wal_checkpoint(PASSIVE)` on the app's connection between its transactions;
   * false when it found another checkpoint running (busy).
   */
  finish: () => Promise<boolean>;
  workerIntervalMs: number;
  finishIntervalMs: number;
  onFailure: (error: Error) => void;
}

const FINISH_ATTEMPTS = 5;
const FINISH_RETRY_MS = 10;

// Plain CommonJS run with `eval`, so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
// A checkpoint that fails (an I/O error, a recovery in progress) is tried again on the next
// tick; meanwhile the app's half keeps the log bounded.
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // the next tick tries again
  }
};
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
  // The thread must not keep a process alive on its own; stop() holds it while it ends.
  worker.unref();
  let stopping = false;
  // One chain at a time; the worker may be mid-copy (the app's checkpoint then reports busy),
  // so it tries again shortly.
  let inFlight = false;
  let retry: NodeJS.Timeout | undefined;
  const finish = async (attempt: number) => {
    inFlight = true;
    const done = await options.finish().catch(() => true);
    if (!done && !stopping && attempt < FINISH_ATTEMPTS) {
      retry = setTimeout(() => void finish(attempt + 1), FINISH_RETRY_MS).unref();
    } else {
      inFlight = false;
    }
  };
  const finisher = setInterval(() => {
    if (!inFlight) void finish(1);
  }, options.finishIntervalMs).unref();
  const fail = (error: Error) => {
    if (stopping) return;
    stopping = true;
    clearInterval(finisher);
    clearTimeout(retry);
    if (options.database.open) options.database.pragma('wal_autocheckpoint = 1000');
    options.onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the WAL checkpoint worker exited with code ${code}`)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      clearInterval(finisher);
      clearTimeout(retry);
      if (stopping) return exited;
      stopping = true;
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
