import { DuplicateError, type Collection, type Doc, type Filter, type FindOptions, type UpdateOps } from '../port';
import { errorText, isDuplicateKey, isNotFound, type CloudDatabase, type CloudTransaction, type MongoDoc } from './sdk';
import { callerForm, duplicateKeyName, isRealKey, keyValue, storedForm, type KeyPlan } from './keys';
import { assertField, checkDocument, matchesLocally, parseFilter, type Cond } from './query';
import { mongoUpdate } from './ops';
import { applyPlan, isEmptyPlan, planOps } from '../ops';

/**
 * The collections handed to `transaction(fn)`. CloudBase transactions take single-document
 * operations only (get, add, and update/remove of one document by `_id`), so here:
 * - update and remove need an `_id` equality in the filter; the filter's other conditions are
 *   checked on the document as read inside the transaction, whose write-conflict detection makes
 *   that read-check-write atomic (a conditional seat grab works inside a transaction too);
 * - find and count are refused with a clear error;
 * - unique keys are checked before each write. In MongoDB a failed write (a duplicate key) aborts
 *   the whole transaction, whereas the port lets fn catch a DuplicateError and go on. Keys written by
 *   this transaction are tracked here; committed holders are looked up outside it (a transaction
 *   cannot query). If another container takes the same key between that look-up and our commit, the
 *   service refuses the write and the transaction fails as a whole: safe, just not catchable.
 */

export interface TxState {
  open: boolean;
  readonly transaction: CloudTransaction;
  /** `collection \0 field \0 value` → the _id holding that key inside this transaction. */
  readonly keys: Map<string, string>;
  /** `collection \0 _id` → the key entries (above) that document holds; present = written here. */
  readonly written: Map<string, string[]>;
}

export function newTxState(transaction: CloudTransaction): TxState {
  return { open: true, transaction, keys: new Map(), written: new Map() };
}

export class TxCollection<T extends Doc> implements Collection<T> {
  constructor(
    readonly name: string,
    private readonly plans: readonly KeyPlan[],
    private readonly db: CloudDatabase,
    private readonly state: TxState,
  ) {}

  async get(id: string): Promise<T | null> {
    this.assertOpen();
    if (typeof id !== 'string') throw new Error('get: id must be a string');
    const raw = await this.read(id);
    return raw === null ? null : (callerForm(raw) as T);
  }

  async find(_filter: Filter<T>, _options?: FindOptions<T>): Promise<T[]> {
    throw new Error(
      `find on ${this.name} inside a CloudBase transaction: only single-document operations (get by _id) are allowed`,
    );
  }

  async count(_filter: Filter<T>): Promise<number> {
    throw new Error(
      `count on ${this.name} inside a CloudBase transaction: only single-document operations are allowed`,
    );
  }

  async insert(doc: T): Promise<T> {
    this.assertOpen();
    checkDocument(doc);
    const copy = JSON.parse(JSON.stringify(doc)) as T;
    if ((await this.read(copy._id)) !== null) throw new DuplicateError(this.name, '_id');
    const stored = storedForm(copy as T & MongoDoc, this.plans);
    await this.checkKeys(copy._id, stored);
    await this.write(() => this.ref().add({ data: stored }));
    this.record(copy._id, stored);
    return JSON.parse(JSON.stringify(copy)) as T;
  }

  async update(filter: Filter<T>, ops: UpdateOps<T>): Promise<number> {
    this.assertOpen();
    const conds = parseFilter(filter);
    const plan = planOps(ops, assertField);
    // A counter's increment (inc only, one of them not zero, by _id alone, on a collection without
    // unique keys): one request, no read first. The service counts changed documents, and such an
    // increment always changes its document, so the count says whether it was there.
    const only = conds.length === 1 ? conds[0] : undefined;
    const increments = Object.keys(ops).every((k) => k === 'inc') && Object.values(ops.inc ?? {}).some((n) => n !== 0);
    if (this.plans.length === 0 && increments && !isEmptyPlan(plan) && only?.field === '_id' && only.op === 'eq') {
      if (typeof only.value !== 'string') return 0;
      const id = only.value;
      const { stats } = await this.ref()
        .doc(id)
        .update({ data: mongoUpdate(plan, {}) });
      if (stats.updated > 0 && !this.state.written.has(`${this.name}\0${id}`)) this.record(id, {});
      return stats.updated > 0 ? 1 : 0;
    }
    const raw = await this.target(conds);
    if (raw === null) return 0;
    if (isEmptyPlan(plan)) return 1;
    const id = raw._id as string;
    const next = applyPlan(raw, plan);
    const hidden = Object.fromEntries(this.plans.map((p) => [p.field, keyValue(p, next, id)]));
    await this.checkKeys(id, hidden);
    await this.write(() =>
      this.ref()
        .doc(id)
        .update({ data: mongoUpdate(plan, hidden) }),
    );
    this.record(id, hidden);
    return 1;
  }

  async remove(filter: Filter<T>): Promise<number> {
    this.assertOpen();
    const raw = await this.target(parseFilter(filter));
    if (raw === null) return 0;
    const id = raw._id as string;
    const { stats } = await this.ref().doc(id).remove();
    this.record(id, {});
    return stats.removed;
  }

  private assertOpen(): void {
    if (!this.state.open) throw new Error('this transaction has already ended');
  }

  private ref() {
    return this.state.transaction.collection(this.name);
  }

  private async read(id: string): Promise<MongoDoc | null> {
    try {
      const { data } = await this.ref().doc(id).get();
      return typeof data === 'object' && data !== null ? (data as MongoDoc) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The one document a filter names by `_id`, if it exists and meets the filter's other conditions. */
  private async target(conds: readonly Cond[]): Promise<MongoDoc | null> {
    const byId = conds.find((c) => c.field === '_id' && c.op === 'eq' && typeof c.value === 'string');
    if (byId === undefined) {
      throw new Error(
        `update/remove on ${this.name} inside a CloudBase transaction needs { _id: <string> } in the filter`,
      );
    }
    const raw = await this.read(byId.value as string);
    return raw !== null && matchesLocally(raw, conds) ? raw : null;
  }

  private async checkKeys(selfId: string, hidden: MongoDoc): Promise<void> {
    for (const plan of this.plans) {
      const value = hidden[plan.field];
      if (typeof value !== 'string' || !isRealKey(value)) continue;
      const holder = this.state.keys.get(this.entry(plan.field, value));
      if (holder !== undefined && holder !== selfId) throw new DuplicateError(this.name, plan.name);
      const { data } = await this.db
        .collection(this.name)
        .where({ [plan.field]: value })
        .limit(2)
        .get();
      for (const doc of data as MongoDoc[]) {
        const id = String(doc._id);
        // A holder written in this transaction holds what `keys` says, checked above.
        if (id !== selfId && !this.state.written.has(`${this.name}\0${id}`)) {
          throw new DuplicateError(this.name, plan.name);
        }
      }
    }
  }

  /** Notes the keys a document now holds inside this transaction ({} once removed). */
  private record(id: string, hidden: MongoDoc): void {
    const docKey = `${this.name}\0${id}`;
    for (const entry of this.state.written.get(docKey) ?? []) this.state.keys.delete(entry);
    const entries: string[] = [];
    for (const plan of this.plans) {
      const value = hidden[plan.field];
      if (typeof value === 'string' && isRealKey(value)) entries.push(this.entry(plan.field, value));
    }
    for (const entry of entries) this.state.keys.set(entry, id);
    this.state.written.set(docKey, entries);
  }

  private entry(field: string, value: string): string {
    return `${this.name}\0${field}\0${value}`;
  }

  private async write(op: () => Promise<unknown>): Promise<void> {
    try {
      await op();
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateError(this.name, duplicateKeyName(errorText(error), this.plans));
      throw error;
    }
  }
}
