import { parentPort, Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';

// HiGHS blocks the thread it runs on for the whole solve, so solves run in a worker thread and
// the server keeps answering. Workers are TypeScript like the rest of the server: each registers
// tsx in its own thread first, since Node 20 does not hand the parent's loader (or `--import` in
// execArgv) to workers.

export type WorkerMessage<Result, Progress> =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: Result }
  | { type: 'error'; message: string };

/**
 * Runs the worker module at `url` on `input` (its workerData) and resolves with its result;
 * rejects with AppError('timed_out') if it does not answer within `waitSeconds`, and the worker
 * is then stopped.
 */
export function runInWorker<Input, Result, Progress = never>(
  url: URL, input: Input, waitSeconds: number, onProgress?: (progress: Progress) => void,
): Promise<Result> {
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: input });
  const name = url.pathname.split('/').at(-1);
  return new Promise<Result>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(watchdog);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const watchdog = setTimeout(() => finish(() => reject(new AppError('timed_out', { seconds: waitSeconds }))), waitSeconds * 1000);
    worker.on('message', (message: WorkerMessage<Result, Progress>) => {
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else finish(() => reject(new Error(`${name} failed: ${message.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`${name} exited with code ${code} before answering`))));
  });
}

/** Inside a worker: posts what `work` gives, or its error, to the thread that started it. */
export function answerFromWorker<Result, Progress = never>(work: (post: (message: WorkerMessage<Result, Progress>) => void) => Promise<Result>): void {
  const post = (message: WorkerMessage<Result, Progress>) => parentPort!.postMessage(message);
  work(post).then(
    (result) => post({ type: 'result', result }),
    (error: unknown) => post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
}
