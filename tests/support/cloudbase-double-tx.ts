import { randomBytes } from 'node:crypto';
import type { MongoDoc } from './cloudbase-mongo';

/** A failure the double answers with this `code` (anything else answers DATABASE_REQUEST_FAILED). */
export class TxError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What the transactions need of the double's committed data. */
export interface CommittedData {
  table(collection: unknown): Map<string, MongoDoc>;
  checkUnique(collection: string, doc: MongoDoc, others: Iterable<MongoDoc>): void;
}

interface Write {
  collection: string;
  id: string;
  doc: MongoDoc | null;
}

/** A committed document as it was when a transaction's snapshot was taken; ABSENT: it did not exist. */
const ABSENT = Symbol('absent');
type Before = MongoDoc | typeof ABSENT;

interface OpenTx {
  writes: Map<string, Write>;
  /** Taken at the transaction's first operation: from then on, `before` keeps what it saw. */
  snapshot: boolean;
  /** `collection \0 _id` → the committed document as of the snapshot, for each one changed since. */
  before: Map<string, Before>;
}

/**
 * Transactions of the CloudBase double, as MongoDB runs them (snapshot isolation):
 * - a transaction reads from the snapshot taken at its first operation, plus its own writes;
 * - it writes a document only if nobody committed a change to it since that snapshot and no other open
 *   transaction has written it: else the write fails at once with a write conflict, inside the
 *   callback (which is where wx-server-sdk turns the code into errCode -501001, so that its own
 *   runTransaction does not retry it), and the transaction is aborted;
 * - its writes stay private until commit; a duplicate key, or any failed write, aborts it;
 * - a plain write to a document another transaction holds waits (bounded, see `LOCK_WAIT_MS`) until
 *   that transaction ends, as MongoDB's lock makes it.
 */
export class DoubleTransactions {
  private readonly open = new Map<string, OpenTx>();

  constructor(private readonly data: CommittedData) {}

  reset(): void {
    this.open.clear();
  }

  start(): string {
    const id = randomBytes(8).toString('hex');
    this.open.set(id, { writes: new Map(), snapshot: false, before: new Map() });
    return id;
  }

  view(txId: string, collection: unknown): MongoDoc[] {
    const tx = this.use(txId);
    const table = this.data.table(collection);
    const docs = new Map(table);
    const prefix = `${String(collection)}\0`;
    for (const [key, before] of tx.before) {
      if (!key.startsWith(prefix)) continue;
      const id = key.slice(prefix.length);
      if (before === ABSENT) docs.delete(id);
      else docs.set(id, before);
    }
    for (const write of tx.writes.values()) {
      if (write.collection !== collection) continue;
      if (write.doc === null) docs.delete(write.id);
      else docs.set(write.id, write.doc);
    }
    return [...docs.values()];
  }

  write(txId: string, collection: unknown, id: string, doc: MongoDoc | null): void {
    const tx = this.use(txId);
    const name = String(collection);
    const key = `${name}\0${id}`;
    for (const [otherId, other] of this.open) {
      if (otherId !== txId && other.writes.has(key))
        this.fail(txId, 'DATABASE_TRANSACTION_CONFLICT', `WriteConflict on ${key}: another transaction holds it`);
    }
    if (tx.before.has(key))
      this.fail(txId, 'DATABASE_TRANSACTION_CONFLICT', `WriteConflict on ${key}: changed since the snapshot`);
    if (doc !== null) {
      // An index is not a snapshot: it holds what is committed now, and another open transaction's
      // claim on the same key is a write conflict.
      for (const [otherId, other] of this.open) {
        if (otherId === txId) continue;
        const theirs = [...other.writes.values()].filter((w) => w.collection === name && w.doc !== null && w.id !== id);
        try {
          this.data.checkUnique(
            name,
            doc,
            theirs.map((w) => w.doc as MongoDoc),
          );
        } catch {
          this.fail(txId, 'DATABASE_TRANSACTION_CONFLICT', `WriteConflict on a unique key of ${name}`);
        }
      }
      this.checkIndex(txId, name, id, doc);
    }
    tx.writes.set(key, { collection: name, id, doc });
  }

  /** Whether an open transaction holds the document (has written it and not yet ended). */
  locked(collection: string, id: string): boolean {
    const key = `${collection}\0${id}`;
    for (const tx of this.open.values()) if (tx.writes.has(key)) return true;
    return false;
  }

  /**
   * Called before committed data changes (a plain write, or a commit): every other open transaction
   * whose snapshot is taken keeps the document as it saw it.
   */
  committing(collection: string, id: string, except?: string): void {
    const key = `${collection}\0${id}`;
    const current = this.data.table(collection).get(id);
    for (const [txId, tx] of this.open) {
      if (txId === except || !tx.snapshot || tx.before.has(key)) continue;
      tx.before.set(key, current === undefined ? ABSENT : current);
    }
  }

  commit(txId: string): void {
    const tx = this.use(txId);
    for (const write of tx.writes.values()) {
      if (write.doc !== null) this.checkIndex(txId, write.collection, write.id, write.doc);
    }
    for (const write of tx.writes.values()) {
      this.committing(write.collection, write.id, txId);
      const table = this.data.table(write.collection);
      if (write.doc === null) table.delete(write.id);
      else table.set(write.id, write.doc);
    }
    this.open.delete(txId);
  }

  /** Unique keys against what is committed now plus this transaction's own writes; a clash aborts it. */
  private checkIndex(txId: string, collection: string, id: string, doc: MongoDoc): void {
    const tx = this.use(txId);
    const docs = new Map(this.data.table(collection));
    for (const write of tx.writes.values()) {
      if (write.collection !== collection) continue;
      if (write.doc === null) docs.delete(write.id);
      else docs.set(write.id, write.doc);
    }
    docs.delete(id);
    try {
      this.data.checkUnique(collection, doc, docs.values());
    } catch (error) {
      this.open.delete(txId);
      throw error;
    }
  }

  abort(txId: string): void {
    this.use(txId);
    this.open.delete(txId);
  }

  private use(txId: string): OpenTx {
    const tx = this.open.get(txId);
    if (tx === undefined) {
      throw new TxError(
        'DATABASE_REQUEST_FAILED',
        `[NoSuchTransaction] Transaction ${txId} has been aborted or has ended`,
      );
    }
    tx.snapshot = true;
    return tx;
  }

  private fail(txId: string, code: string, message: string): never {
    this.open.delete(txId);
    throw new TxError(code, message);
  }
}

/** How long a plain write waits for a transaction's lock before it fails (MongoDB waits, then times out). */
export const LOCK_WAIT_MS = 5000;
