import { AsyncLocalStorage } from 'node:async_hooks';
import {
  DuplicateError,
  MAX_LIMIT,
  type Collection,
  type CollectionSpec,
  type Doc,
  type DocMap,
  type Filter,
  type FindOptions,
  type Store,
  type UpdateOps,
} from '../port';
import { errorText, isDuplicateKey, isNotFound, isWriteConflict, type CloudDatabase, type MongoDoc } from './sdk';
import { callerForm, duplicateKeyName, keyPlans, keyValue, REV_FIELD, storedForm, type KeyPlan } from './keys';
import { assertField, checkDocument, mongoQuery, parseFilter, parseSort, type Cond } from './query';
import { mongoUpdate } from './ops';
import { applyPlan, isEmptyPlan, isPlainObject, parsePage, planOps, writtenFields, type OpsPlan } from '../ops';
import { Gate } from './gate';
import { newTxState, TxCollection, type TxState } from './tx';

/**
 * The CloudBase adapter of the Store port (DESIGN.md §2), over wx-server-sdk's database
 * (`cloud.database()`). Each single operation is one request, atomic per document on the service;
 * unique keys are CloudBase unique indexes on derived fields (cloudbase-keys.ts, docs/cloudbase.md);
 * transactions run through `db.runTransaction` (cloudbase-tx.ts) and hold this process's gate
 * (cloudbase-gate.ts). Open the database with `{ throwOnNotFound: false }`; the adapter copes either way.
 */

interface Core {
  readonly db: CloudDatabase;
  readonly plans: Map<string, KeyPlan[]>;
  readonly gate: Gate;
  /** Which transaction (if any) the current async call chain runs inside. */
  readonly inside: AsyncLocalStorage<TxState>;
  closed: boolean;
}

const ATTEMPTS = 5;

/**
 * How long a transaction keeps retrying write conflicts: well inside the function's 20-s timeout
 * (cloudfunctions/api/config.json), leaving the call time to answer.
 */
export const TRANSACTION_BUDGET_MS = 8000;

/** Full jitter over an exponential step (10 ms doubling, at most 320 ms), never past the budget. */
function backoff(attempt: number, left: number): number {
  const step = 10 * 2 ** Math.min(attempt, 5);
  return Math.max(0, Math.min(left, Math.random() * step));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A unique key taken by another container between our look-up and our commit fails the commit as a
 * whole: it is still a duplicate (CONFLICT to the user), not an internal failure.
 */
function commitError(error: unknown, plans: Map<string, KeyPlan[]>): unknown {
  if (!isDuplicateKey(error) || error instanceof DuplicateError) return error;
  const text = errorText(error);
  const collection = /collection: [^.\s]+\.(\w+)/.exec(text)?.[1] ?? '';
  return new DuplicateError(collection, duplicateKeyName(text, plans.get(collection) ?? []));
}

function duplicateOr(error: unknown, collection: string, plans: readonly KeyPlan[]): unknown {
  return isDuplicateKey(error) ? new DuplicateError(collection, duplicateKeyName(errorText(error), plans)) : error;
}

class MainCollection<T extends Doc> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly plans: readonly KeyPlan[],
    private readonly core: Core,
  ) {}

  get(id: string): Promise<T | null> {
    return this.run(async () => {
      if (typeof id !== 'string') throw new Error('get: id must be a string');
      try {
        const { data } = await this.ref().doc(id).get();
        return typeof data === 'object' && data !== null ? (callerForm(data) as T) : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    });
  }

  find(filter: Filter<T>, options: FindOptions<T> = {}): Promise<T[]> {
    return this.run(async () => {
      const conds = parseFilter(filter);
      if (!isPlainObject(options)) throw new Error('find options must be a plain object');
      const sort = parseSort(options.sort);
      const { limit, skip } = parsePage(options);
      let query = this.ref().where(mongoQuery(conds));
      for (const [field, direction] of sort) query = query.orderBy(field, direction);
      // Ties go by _id: MongoDB promises no natural order, and a page boundary inside a tie would
      // otherwise repeat or drop documents.
      if (sort.length > 0 && !sort.some(([field]) => field === '_id')) query = query.orderBy('_id', 'asc');
      if (skip > 0) query = query.skip(skip);
      const { data } = await query.limit(limit).get();
      return data.map((raw) => callerForm(raw) as T);
    });
  }

  count(filter: Filter<T>): Promise<number> {
    return this.run(
      async () =>
        (
          await this.ref()
            .where(mongoQuery(parseFilter(filter)))
            .count()
        ).total,
    );
  }

  insert(doc: T): Promise<T> {
    return this.run(async () => {
      checkDocument(doc);
      const copy = JSON.parse(JSON.stringify(doc)) as T & MongoDoc;
      await this.write(() => this.ref().add({ data: storedForm(copy, this.plans) }));
      return JSON.parse(JSON.stringify(copy)) as T;
    });
  }

  update(filter: Filter<T>, ops: UpdateOps<T>): Promise<number> {
    return this.run(async () => {
      const conds = parseFilter(filter);
      const plan = planOps(ops, assertField);
      if (isEmptyPlan(plan)) return (await this.ref().where(mongoQuery(conds)).count()).total;
      const written = writtenFields(plan);
      const touched = this.plans.filter((p) => p.fields.some((f) => written.has(f)));
      const set = Object.fromEntries(plan.set);
      // Keys set wholly to real values derive the same value for every match: one request.
      if (touched.every((p) => p.fields.every((f) => set[f] !== undefined && set[f] !== null))) {
        const hidden = Object.fromEntries(touched.map((p) => [p.field, keyValue(p, set, '')]));
        const data = mongoUpdate(plan, hidden);
        return this.write(async () => (await this.ref().where(mongoQuery(conds)).update({ data })).stats.updated);
      }
      return this.updateEach(conds, plan, touched);
    });
  }

  remove(filter: Filter<T>): Promise<number> {
    return this.run(
      async () =>
        (
          await this.ref()
            .where(mongoQuery(parseFilter(filter)))
            .remove()
        ).stats.removed,
    );
  }

  private run<R>(op: () => Promise<R>): Promise<R> {
    // Waiting for our own transaction from inside it would never end: fail loudly instead.
    if (this.core.inside.getStore()?.open) {
      return Promise.reject(new Error('the main store was used inside transaction(fn): use the tx argument'));
    }
    return this.core.gate.shared(async () => {
      if (this.core.closed) throw new Error('the store is closed');
      return op();
    });
  }

  private ref() {
    return this.core.db.collection(this.name);
  }

  private async write<R>(op: () => Promise<R>): Promise<R> {
    try {
      return await op();
    } catch (error) {
      throw duplicateOr(error, this.name, this.plans);
    }
  }

  /**
   * Updates that give a key a per-document value (null, or only some of a compound key's fields):
   * each match is read, its new key values computed, and written only if nothing changed it in
   * between (`_cb_rev` unchanged) and it still meets the filter; else it is read again.
   */
  private async updateEach(conds: Cond[], plan: OpsPlan, touched: KeyPlan[]): Promise<number> {
    let updated = 0;
    let after: string | undefined;
    for (;;) {
      const extra = after === undefined ? [] : [{ _id: { $gt: after } }];
      const { data } = await this.ref().where(mongoQuery(conds, extra)).orderBy('_id', 'asc').limit(MAX_LIMIT).get();
      for (const raw of data as MongoDoc[]) updated += await this.updateOne(conds, plan, touched, raw);
      if (data.length < MAX_LIMIT) return updated;
      after = String((data[data.length - 1] as MongoDoc)._id);
    }
  }

  private async updateOne(conds: Cond[], plan: OpsPlan, touched: KeyPlan[], first: MongoDoc): Promise<number> {
    const id = String(first._id);
    let raw = first;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const next = applyPlan(raw, plan);
      const hidden = Object.fromEntries(touched.map((p) => [p.field, keyValue(p, next, id)]));
      const rev = raw[REV_FIELD];
      const pin = { [REV_FIELD]: rev === undefined ? { $exists: false } : { $eq: rev } };
      const data = mongoUpdate(plan, hidden);
      const where = mongoQuery(conds, [{ _id: { $eq: id } }, pin]);
      if ((await this.write(() => this.ref().where(where).update({ data }))).stats.updated > 0) return 1;
      const again = await this.ref()
        .where(mongoQuery(conds, [{ _id: { $eq: id } }]))
        .limit(1)
        .get();
      if (again.data.length === 0) return 0;
      raw = again.data[0] as MongoDoc;
    }
    throw new Error(`update of ${this.name}/${id} lost ${ATTEMPTS} races in a row`);
  }
}

class CloudStore<C extends DocMap<C>> implements Store<C> {
  /** `tx` is null for the main store object, else the transaction this one belongs to. */
  constructor(
    private readonly core: Core,
    private readonly tx: TxState | null,
  ) {}

  collection<K extends keyof C & string>(name: K): Collection<C[K]> {
    const plans = this.core.plans.get(name);
    if (plans === undefined) {
      throw new Error(`unknown collection ${JSON.stringify(name)}: it has no spec`);
    }
    if (this.tx === null) return new MainCollection<C[K]>(name, plans, this.core);
    return new TxCollection<C[K]>(name, plans, this.core.db, this.tx);
  }

  async transaction<R>(fn: (tx: Store<C>) => Promise<R>): Promise<R> {
    // Nested: fn simply joins the open transaction (CloudBase has no savepoints).
    if (this.tx !== null) {
      if (!this.tx.open) throw new Error('this transaction has already ended');
      return fn(this);
    }
    const core = this.core;
    if (core.inside.getStore()?.open) throw new Error('transaction() on the main store inside transaction(fn): use tx');
    return core.gate.exclusive(async () => {
      if (core.closed) throw new Error('the store is closed');
      const deadline = Date.now() + TRANSACTION_BUDGET_MS;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await this.attempt(fn);
        } catch (error) {
          if (!isWriteConflict(error) || Date.now() >= deadline) throw commitError(error, core.plans);
          await sleep(backoff(attempt, deadline - Date.now()));
        }
      }
    });
  }

  /** One run of fn in one CloudBase transaction; the SDK's own retries are off (see isWriteConflict). */
  private async attempt<R>(fn: (tx: Store<C>) => Promise<R>): Promise<R> {
    const core = this.core;
    let state: TxState | undefined;
    try {
      return await core.db.runTransaction(async (transaction) => {
        if (state !== undefined) state.open = false;
        const current = newTxState(transaction);
        state = current;
        return core.inside.run(current, () => fn(new CloudStore<C>(core, current)));
      }, 0);
    } finally {
      if (state !== undefined) state.open = false;
    }
  }

  close(): Promise<void> {
    if (this.tx !== null) return Promise.reject(new Error('close the store, not the transaction'));
    return this.core.gate.exclusive(async () => {
      this.core.closed = true;
    });
  }
}

/**
 * The store over a CloudBase database. Specs name the collections (which must exist in the
 * environment) and their unique keys (which need the console indexes of `consoleIndexes(specs)`).
 */
export function openCloudbaseStore<C extends DocMap<C>>(
  db: CloudDatabase,
  specs: { [K in keyof C]: CollectionSpec },
): Store<C> {
  const plans = new Map<string, KeyPlan[]>();
  for (const [name, spec] of Object.entries<CollectionSpec>(specs)) {
    assertField(name);
    const collectionPlans = keyPlans(spec);
    for (const plan of collectionPlans) plan.fields.forEach(assertField);
    plans.set(name, collectionPlans);
  }
  const core: Core = { db, plans, gate: new Gate(), inside: new AsyncLocalStorage<TxState>(), closed: false };
  return new CloudStore<C>(core, null);
}
