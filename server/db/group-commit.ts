import type { ControlledTransaction, Kysely, Transaction } from 'kysely';

interface Waiting<DB> {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** At most this many units of work share one commit, so none waits behind a long queue. */
const MAX_GROUP = 32;
const SAVEPOINT = 'unit_of_work';

/**
 * Group commit for SQLite. SQLite has one connection and runs one transaction at a time, and a
 * commit writes every page the transaction changed to the log: the tail pages of the audit log,
 * the history and the mail queue are written again by each transaction that appends to them.
 * Units of work that arrive together (in the same turn of the event loop, or while a group runs)
 * run one after another inside one transaction, each in its own savepoint, and share its commit.
 * Under load this turns about twenty commits into one (decision 0012).
 *
 * Each unit keeps its own all-or-nothing: a unit that throws is rolled back to its savepoint
 * and rejected, and the others go on. A unit is resolved only after the group's commit, so a
 * caller never sees success for work that is not durable; when the transaction itself fails
 * (its commit, or SQLite abandoning it after an I/O error), every unit of the group is rejected
 * with that error and none of it is kept.
 */
export class GroupCommit<DB> {
  readonly #db: Kysely<DB>;
  #queue: Waiting<DB>[] = [];
  #scheduled = false;
  #commits = 0;

  constructor(db: Kysely<DB>) {
    this.#db = db;
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
    while (this.#queue.length > 0) await this.#runGroup(this.#queue.splice(0, MAX_GROUP));
    this.#scheduled = false;
  }

  async #runGroup(group: Waiting<DB>[]): Promise<void> {
    const done: { waiting: Waiting<DB>; value: unknown }[] = [];
    const failed = new Set<Waiting<DB>>();
    let trx: ControlledTransaction<DB> | undefined;
    try {
      trx = await this.#db.startTransaction().execute();
      for (const waiting of group) {
        const unit = await trx.savepoint(SAVEPOINT).execute();
        let value: unknown;
        try {
          value = await waiting.work(unit);
        } catch (error) {
          // When SQLite has already abandoned the transaction (an I/O error, a full disk), the
          // savepoint is gone too and that error is what ends the whole group.
          await unit.rollbackToSavepoint(SAVEPOINT).execute().catch(() => Promise.reject(error));
          await unit.releaseSavepoint(SAVEPOINT).execute();
          failed.add(waiting);
          waiting.reject(error);
          continue;
        }
        await unit.releaseSavepoint(SAVEPOINT).execute();
        done.push({ waiting, value });
      }
      await trx.commit().execute();
      this.#commits += 1;
    } catch (error) {
      // The transaction is lost: nothing of the group is kept, so no unit may report success.
      await trx?.rollback().execute().catch(() => undefined);
      for (const waiting of group) if (!failed.has(waiting)) waiting.reject(error);
      return;
    }
    for (const { waiting, value } of done) waiting.resolve(value);
  }
}
