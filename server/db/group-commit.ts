import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import { AppError } from '../errors.ts';

interface Waiting<DB> {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many units of work share one commit, so none waits behind a long queue. */
const MAX_GROUP = 32;
const SAVEPOINT = 'unit_of_work';
/** How long one unit may hold the group (and every SQLite write behind it) before it is given up. */
export const DEFAULT_UNIT_TIME_LIMIT_MS = 5000;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** What a unit is rejected with when the transaction it shared failed on account of another. */
export class GroupCommitError extends Error {
  constructor(cause: unknown) {
    super(`the transaction this work shared failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'GroupCommitError';
  }
}

/** Within a group: the transaction was lost to the error of the unit that was running. */
class EndedByUnit {
  constructor(readonly unitError: unknown) {}
}

/**
 * Group commit for SQLite. SQLite has one connection and runs one transaction at a time, and a
 * commit writes every page the transaction changed to the log: the tail pages of the audit log,
 * the history and the mail queue are written again by each transaction that appends to them.
 * Units of work that arrive together (in the same turn of the event loop, or while a group runs)
 * run one after another inside one transaction, each in its own savepoint, and share its commit.
 * Under load up to 32 submits share one commit (decision 0012).
 *
 * Each unit keeps its own all-or-nothing, and no caller hears of success for work that is not
 * durable:
 * - a unit that throws is rolled back to its savepoint and the others go on; it is rejected
 *   with its own error once the group has committed;
 * - when the transaction fails (its commit refused, or SQLite abandoning it after an I/O error
 *   or an ON CONFLICT ROLLBACK), nothing of the group is kept: the unit that caused it hears
 *   its own error, the units that had run a GroupCommitError, and the units that had not yet
 *   started run again in the next group;
 * - a unit still running after the time limit is given up: rolled back to its savepoint and
 *   rejected with AppError('timed_out') once the group has committed, while the others go on;
 * - a query a unit starts and does not wait for (or starts after it was given up) is refused.
 */
export class GroupCommit<DB> {
  readonly #db: Kysely<DB>;
  readonly #unitTimeLimitMs: number;
  #queue: Waiting<DB>[] = [];
  #scheduled = false;
  #commits = 0;

  constructor(db: Kysely<DB>, options: { unitTimeLimitMs?: number } = {}) {
    this.#db = db;
    this.#unitTimeLimitMs = options.unitTimeLimitMs ?? DEFAULT_UNIT_TIME_LIMIT_MS;
  }

  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // The first unit waits one turn of the event loop, so that requests already read from
      // their sockets can join its group.
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => void this.#drain());
      }
    });
  }

  /** How many groups have committed: what the units shared. */
  get commits(): number {
    return this.#commits;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#runGroup(this.#queue.splice(0, MAX_GROUP));
    } finally {
      this.#scheduled = false;
    }
  }

  async #runGroup(group: Waiting<DB>[]): Promise<void> {
    const ran: { waiting: Waiting<DB>; outcome: Outcome }[] = [];
    let trx: ControlledTransaction<DB> | undefined;
    let current: Waiting<DB> | undefined;
    try {
      trx = await this.#db.startTransaction().execute();
      for (const waiting of group) {
        current = waiting;
        const unit = await trx.savepoint(SAVEPOINT).execute();
        const outcome = await runUnit(unit, waiting.work, this.#unitTimeLimitMs);
        if (!outcome.ok) {
          // When SQLite has already abandoned the transaction (an I/O error, a full disk), the
          // savepoint is gone too, and the group ends here, on this unit's error.
          await unit.rollbackToSavepoint(SAVEPOINT).execute().catch(() => {
            throw new EndedByUnit(outcome.error);
          });
        }
        await unit.releaseSavepoint(SAVEPOINT).execute();
        ran.push({ waiting, outcome });
        current = undefined;
      }
      await trx.commit().execute();
      this.#commits += 1;
    } catch (error) {
      await trx?.rollback().execute().catch(() => undefined);
      // Nothing of the group is kept. The unit that ended it hears its own error; those that ran
      // hear that their transaction failed; those that never started go back to the queue.
      const cause = error instanceof EndedByUnit ? error.unitError : error;
      const aborted = new GroupCommitError(cause);
      for (const { waiting } of ran) waiting.reject(aborted);
      if (current) current.reject(error instanceof EndedByUnit ? cause : aborted);
      const started = ran.length + (current ? 1 : 0);
      if (started > 0) this.#queue.unshift(...group.slice(started));
      else for (const waiting of group) waiting.reject(error); // no transaction to be had at all
      return;
    }
    // Settled only now: a unit's error may rest on what the units before it wrote, and that
    // stood only once the group committed.
    for (const { waiting, outcome } of ran) {
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    }
  }
}

/**
 * Runs one unit on a handle that refuses queries once the unit has finished or was given up: a
 * query it started and did not wait for (a failed Promise.all, a missing await), or one a hung
 * unit starts late, would otherwise run inside the next unit's savepoint and be committed with it.
 * SQLite runs each query synchronously within promise callbacks, so when the timer fires no query
 * of the unit is half-way: everything it ran is inside its savepoint, which the caller rolls back.
 */
async function runUnit<DB>(unit: Transaction<DB>, work: (trx: Transaction<DB>) => Promise<unknown>, timeLimitMs: number): Promise<Outcome> {
  let finished = false;
  const guarded = unit.withPlugin({
    transformQuery(args) {
      if (finished) throw new Error('a query was started by a unit of work that had already finished');
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: new AppError('timed_out', { seconds: timeLimitMs / 1000 }) }), timeLimitMs);
  });
  const ran = (async (): Promise<Outcome> => {
    try {
      return { ok: true, value: await work(guarded) };
    } catch (error) {
      return { ok: false, error };
    }
  })();
  try {
    return await Promise.race([ran, givenUp]);
  } finally {
    clearTimeout(timer);
    finished = true;
  }
}
