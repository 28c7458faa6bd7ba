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
  /** The committed document when this transaction first wrote it; another write since is a conflict. */
  base: MongoDoc | undefined;
}

interface OpenTx {
  writes: Map<string, Write>;
}

/**
 * Transactions of the CloudBase double, as MongoDB runs them: writes stay private until commit, a
 * transaction reads its own writes, two transactions writing one document conflict
 * (DATABASE_TRANSACTION_CONFLICT, which makes the SDK's runTransaction retry), a document committed
 * by someone else after this transaction wrote it conflicts at commit, and any failed write — a
 * duplicate key included — aborts the transaction, after which every use of it fails. Reads see
 * committed data plus the transaction's own writes (read-committed; MongoDB reads a snapshot, a
 * difference the adapter's single-document operations cannot observe).
 */
export class DoubleTransactions {
  private readonly open = new Map<string, OpenTx>();

  constructor(private readonly data: CommittedData) {}

  reset(): void {
    this.open.clear();
  }

  start(): string {
    const id = randomBytes(8).toString('hex');
    this.open.set(id, { writes: new Map() });
    return id;
  }

  view(txId: string, collection: unknown): MongoDoc[] {
    const tx = this.use(txId);
    const table = this.data.table(collection);
    const docs = new Map(table);
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
        this.fail(txId, 'DATABASE_TRANSACTION_CONFLICT', `WriteConflict on ${key}`);
    }
    if (doc !== null) {
      const others = this.view(txId, name).filter((d) => d._id !== id);
      try {
        this.data.checkUnique(name, doc, others);
      } catch (error) {
        this.open.delete(txId);
        throw error;
      }
    }
    const base = tx.writes.get(key)?.base ?? this.data.table(name).get(id);
    tx.writes.set(key, { collection: name, id, doc, base });
  }

  commit(txId: string): void {
    const tx = this.use(txId);
    for (const write of tx.writes.values()) {
      if (this.data.table(write.collection).get(write.id) !== write.base) {
        this.fail(txId, 'DATABASE_TRANSACTION_CONFLICT', `WriteConflict on ${write.collection}/${write.id} at commit`);
      }
    }
    for (const write of tx.writes.values()) {
      if (write.doc === null) continue;
      const others = this.view(txId, write.collection).filter((d) => d._id !== write.id);
      try {
        this.data.checkUnique(write.collection, write.doc, others);
      } catch (error) {
        this.open.delete(txId);
        throw error;
      }
    }
    for (const write of tx.writes.values()) {
      const table = this.data.table(write.collection);
      if (write.doc === null) table.delete(write.id);
      else table.set(write.id, write.doc);
    }
    this.open.delete(txId);
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
    return tx;
  }

  private fail(txId: string, code: string, message: string): never {
    this.open.delete(txId);
    throw new TxError(code, message);
  }
}
