import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import type { Collection, CollectionSpec, Doc, DocMap, Filter, FindOptions, Store, UpdateOps } from '../port';
import { SqliteCollection, StatementCache } from './collection';
import { migrate } from './migrate';

/**
 * The SQLite adapter of the Store port (DESIGN.md §2).
 *
 * Concurrency model. better-sqlite3 is synchronous, so every single operation is atomic within the
 * process: nothing else runs while it does. Across processes, WAL + busy_timeout + immediate
 * transactions make writers queue up for the lock instead of failing. The one thing that spans
 * awaits is `transaction(fn)`: it holds BEGIN IMMEDIATE on this connection while fn awaits, so
 * everything issued through the main store object waits in a FIFO queue until it ends (otherwise it
 * would silently join the open transaction), while fn's own operations through `tx` run at once.
 *
 * While a transaction is open the write lock is held, so another process (or another store object on
 * the same file in this process) that writes blocks for up to BUSY_TIMEOUT_MS and then fails with
 * SQLITE_BUSY: keep transactions short.
 *
 * Group commit. The transactions asked for in one turn of the event loop (the requests that arrived
 * together), and those asked for while they run, run one after another inside one SQLite
 * transaction, each in its own savepoint (a failing one rolls back to it alone), and commit
 * together: at the morning peak a check-in's own BEGIN and COMMIT were a sixth of its cost. Waiting
 * for the next turn is what makes batches: every operation passes through one queue, so without it
 * no transaction was ever waiting while another ran (measured: one per batch). Each runs in its
 * caller's async context and sees its own writes and those before it; a refused one is told at
 * once, the others only after the shared COMMIT, so an answer never reports a write that a crash
 * could still take back.
 */

export const BUSY_TIMEOUT_MS = 5000;

type Runner = <R>(op: () => R) => Promise<R>;

interface TxState {
  open: boolean;
  /** It wrote to a secret collection: the log is checkpointed away when it ends. */
  secret?: boolean;
  /** The collections it wrote to, told to `onCommit` once it has committed. */
  wrote?: Set<string>;
}

/** Told the name of each collection a committed write changed (after the commit, never before). */
export type CommitListener = (collection: string) => void;

/** At most this many transactions share one commit, so that the first of them never waits long. */
const BATCH_LIMIT = 32;

interface Waiting {
  fn: (state: TxState) => Promise<unknown>;
  /** Runs a callback in the caller's async context (its request's notices, say), not the batch's. */
  resume: <R>(callback: () => R) => R;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

class Core<C> {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly waiting: Waiting[] = [];
  private batchQueued = false;
  private batchRun: Promise<void> = Promise.resolve();
  private closing: Promise<void> | null = null;
  private readonly collections = new Map<string, SqliteCollection>();
  private readonly statements: StatementCache;
  /** Which transaction (if any) the current async call chain runs inside. */
  private readonly inside = new AsyncLocalStorage<TxState>();

  private readonly optimizer: NodeJS.Timeout;

  constructor(
    private readonly db: Database.Database,
    private readonly specs: { [K in keyof C]: CollectionSpec },
    readonly onCommit: CommitListener = () => undefined,
  ) {
    this.statements = new StatementCache(db);
    // A refresh that finds the store closing is simply not needed.
    this.optimizer = setInterval(
      () => void this.exclusive(() => optimize(db, false)).catch(() => undefined),
      OPTIMIZE_EVERY_MS,
    );
    this.optimizer.unref();
  }

  collection(name: string): SqliteCollection {
    let collection = this.collections.get(name);
    if (collection === undefined) {
      if (!Object.prototype.hasOwnProperty.call(this.specs, name)) {
        throw new Error(`unknown collection ${JSON.stringify(name)}: it has no spec`);
      }
      const spec: CollectionSpec = (this.specs as Record<string, CollectionSpec>)[name];
      collection = new SqliteCollection(this.db, this.statements, name, spec);
      this.collections.set(name, collection);
    }
    return collection;
  }

  isSecret(name: string): boolean {
    return (this.specs as Record<string, CollectionSpec>)[name]?.secret === true;
  }

  /**
   * Moves everything the log holds into the database file and empties the log, so that no copy of the
   * files shows which writes were committed together (a voter marker beside the tallies it moved).
   */
  forgetLog(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Waiting for our own transaction from inside it would never end: the error that says so, if so. */
  private usedInside(): Error | null {
    if (!this.inside.getStore()?.open) return null;
    return new Error('the main store was used inside transaction(fn): use the tx argument');
  }

  /** Runs task after everything queued before it (transactions included) has finished. */
  exclusive<R>(task: () => R | Promise<R>): Promise<R> {
    const refused = this.usedInside();
    if (refused) return Promise.reject(refused);
    const result = this.tail.then(() => {
      if (!this.db.open) throw new Error('the store is closed');
      return task();
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  transaction<R>(fn: (state: TxState) => Promise<R>): Promise<R> {
    const refused = this.usedInside();
    if (refused) return Promise.reject(refused);
    return new Promise<R>((resolve, reject) => {
      const resume = AsyncLocalStorage.snapshot();
      this.waiting.push({ fn, resume, resolve: resolve as (value: unknown) => void, reject });
      this.queueBatch();
    });
  }

  private queueBatch(): void {
    if (this.batchQueued) return;
    this.batchQueued = true;
    // After the requests that arrived together have had their turn: those that reach their
    // transaction in it join this batch.
    this.batchRun = new Promise((resolve) =>
      setImmediate(() => {
        this.exclusive(() => this.runBatch())
          .catch((error: unknown) => {
            // The store was closed (or BEGIN failed): nothing of this batch ran.
            for (const item of this.waiting.splice(0)) item.reject(error);
            this.batchQueued = false;
          })
          .finally(resolve);
      }),
    );
  }

  /** Runs the waiting transactions (more may join while it does) and commits them together. */
  private async runBatch(): Promise<void> {
    let done: Waiting[] = [];
    const results = new Map<Waiting, unknown>();
    const wrote = new Set<string>();
    let secret = false;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (let n = 0; n < BATCH_LIMIT && this.waiting.length > 0; n++) {
        const item = this.waiting.shift() as Waiting;
        const state: TxState = { open: true };
        this.db.exec('SAVEPOINT tx');
        try {
          results.set(item, await item.resume(() => this.inside.run(state, () => item.fn(state))));
          this.db.exec('RELEASE tx');
          done.push(item);
        } catch (error) {
          item.reject(error);
          if (this.db.inTransaction) {
            this.db.exec('ROLLBACK TO tx');
            this.db.exec('RELEASE tx');
          } else {
            // SQLite rolled the whole transaction back by itself (e.g. on SQLITE_FULL): the ones
            // before in this batch are gone too.
            for (const lost of done) lost.reject(error);
            done = [];
            this.db.exec('BEGIN IMMEDIATE');
          }
        } finally {
          state.open = false;
          if (state.secret) secret = true;
          for (const name of state.wrote ?? []) wrote.add(name);
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const item of done) item.reject(error);
      done = [];
    } finally {
      // A rolled-back transaction may have spilled pages into the log too.
      if (secret) this.forgetLog();
      // Also after a rollback: telling of a write that did not happen only costs a reread.
      for (const name of wrote) this.onCommit(name);
      // Those that came after the last one ran (or past the limit) get the next batch.
      this.batchQueued = false;
      if (this.waiting.length > 0) this.queueBatch();
    }
    for (const item of done) item.resolve(results.get(item));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Transactions already asked for still run: their batch waits for the next turn.
      while (this.batchQueued) await this.batchRun;
      clearInterval(this.optimizer);
      await this.exclusive(() => {
        optimize(this.db, false);
        this.db.close();
      });
    })();
    return this.closing;
  }
}

class PortCollection<T extends Doc> implements Collection<T> {
  constructor(
    private readonly inner: SqliteCollection,
    private readonly run: Runner,
    /** Runs within the same turn as each write (see SqliteStore.collection). */
    private readonly wrote: () => void = () => undefined,
  ) {}

  private write<R>(op: () => R): Promise<R> {
    return this.run(() => {
      try {
        return op();
      } finally {
        this.wrote();
      }
    });
  }

  get name(): string {
    return this.inner.name;
  }

  get(id: string): Promise<T | null> {
    return this.run(() => this.inner.get(id) as T | null);
  }

  find(filter: Filter<T>, options?: FindOptions<T>): Promise<T[]> {
    return this.run(() => this.inner.find(filter, options) as T[]);
  }

  count(filter: Filter<T>): Promise<number> {
    return this.run(() => this.inner.count(filter));
  }

  insert(doc: T): Promise<T> {
    return this.write(() => this.inner.insert(doc) as T);
  }

  update(filter: Filter<T>, ops: UpdateOps<T>): Promise<number> {
    return this.write(() => this.inner.update(filter, ops));
  }

  remove(filter: Filter<T>): Promise<number> {
    return this.write(() => this.inner.remove(filter));
  }
}

class SqliteStore<C extends DocMap<C>> implements Store<C> {
  private readonly run: Runner;

  /** `tx` is null for the main store object, else the transaction this one belongs to. */
  constructor(
    private readonly core: Core<C>,
    private readonly tx: TxState | null,
  ) {
    this.run = tx === null ? (op) => core.exclusive(op) : (op) => runInside(tx, op);
  }

  collection<K extends keyof C & string>(name: K): Collection<C[K]> {
    const inner = this.core.collection(name);
    const secret = this.core.isSecret(name);
    // Outside a transaction a write is committed as it returns; inside one, when the batch commits.
    // A secret collection's log goes at the same moment.
    const tx = this.tx;
    const wrote =
      tx === null
        ? () => {
            if (secret) this.core.forgetLog();
            this.core.onCommit(name);
          }
        : () => {
            if (secret) tx.secret = true;
            (tx.wrote ??= new Set()).add(name);
          };
    return new PortCollection<C[K]>(inner, this.run, wrote);
  }

  transaction<R>(fn: (tx: Store<C>) => Promise<R>): Promise<R> {
    // Nested: fn simply joins the open transaction (no savepoint; CloudBase has none either).
    if (this.tx !== null) return runInside(this.tx, () => fn(this));
    return this.core.transaction((state) => fn(new SqliteStore<C>(this.core, state)));
  }

  close(): Promise<void> {
    if (this.tx !== null) return Promise.reject(new Error('close the store, not the transaction'));
    return this.core.close();
  }
}

async function runInside<R>(tx: TxState, op: () => R | Promise<R>): Promise<R> {
  if (!tx.open) throw new Error('this transaction has already ended');
  return op();
}

/**
 * Gives the query planner the tables' statistics, as SQLite advises for a long-lived connection (at
 * open, then from time to time). Without them it prefers an index that also serves a range filter to
 * one that serves the ORDER BY, and sorts ten thousand rows to answer fifty (the honor roll's pages).
 * analysis_limit keeps it to a few milliseconds on a table of millions.
 */
function optimize(db: Database.Database, opening: boolean): void {
  db.pragma('analysis_limit = 400');
  db.pragma(opening ? 'optimize = 0x10002' : 'optimize');
}

/** How often a running store refreshes the planner's statistics. */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * Opens (creating if needed) the SQLite file and migrates it to the specs. Synchronous: it is done
 * once at start-up, and a failure (e.g. existing rows that break a new unique key) must stop it.
 */
export function openSqliteStore<C extends DocMap<C>>(options: {
  file: string;
  specs: { [K in keyof C]: CollectionSpec };
  /** Told each collection a committed write changed: what lets the local server cache reads. */
  onCommit?: CommitListener;
}): Store<C> {
  const db = new Database(options.file);
  try {
    // busy_timeout first: switching to WAL needs a lock that another process may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Deleted and overwritten content is zeroed inside its page (FAST: no extra I/O), so a freed cell
    // of a secret collection keeps nothing readable.
    db.pragma('secure_delete = FAST');
    if (migrate(db, options.specs).rebuilt) db.exec('VACUUM');
    optimize(db, true);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteStore<C>(new Core<C>(db, options.specs, options.onCommit), null);
}
