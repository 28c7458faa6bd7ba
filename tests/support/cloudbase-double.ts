import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EJSON } from 'bson';
import { applyUpdate, deepEqual, matches, MongoError, sortDocs, type MongoDoc } from './cloudbase-mongo';
import { DoubleTransactions, LOCK_WAIT_MS, TxError } from './cloudbase-double-tx';

/**
 * A stand-in for the CloudBase database service, speaking the wire format that wx-server-sdk 4.x
 * (@cloudbase/node-sdk 3.17 → @cloudbase/database 1.4) sends, as read from the SDK's source and
 * observed from it: every call is `POST <serviceUrl>?env=…&seqId=…` with a JSON body
 * `{ action, envName, collectionName, query?, data?, order?, offset?, limit?, multi?, transactionId?, … }`
 * where `query`, `order` and update `data` are canonical EJSON strings and inserted documents an
 * array of them. Answers are HTTP 200 JSON: `{ requestId, data: {…} }`, or `{ requestId, code, message }`
 * for a failure (the SDK turns `code` into an errCode and keeps `message`).
 *
 * Implemented: database.getDocument (list), calculateDocument (total), insertDocument (insertedIds),
 * modifyDocument (updated = documents actually changed, MongoDB's nModified), removeDocument
 * (deleted), start/commit/abortTransaction, over in-memory collections that must exist (as in an
 * environment), with MongoDB query/update semantics (cloudbase-mongo.ts) and unique indexes
 * treating missing as null, as MongoDB's do; transactions with snapshots and locks
 * (cloudbase-double-tx.ts). Natural order is not insertion order (a hash of the id): MongoDB promises
 * none, and a sort whose ties fell back to insertion order would pass here and fail in production.
 * Request signatures are not verified.
 */

export interface DoubleIndex {
  collection: string;
  name: string;
  fields: readonly string[];
  unique: boolean;
}

export interface DoubleOptions {
  env: string;
  collections: readonly string[];
  indexes?: readonly DoubleIndex[];
  /** The `code` a duplicate key answers with (the SDK maps unknown codes to errCode -501001). */
  duplicateCode?: string;
}

export interface LoggedRequest {
  action: string;
  body: MongoDoc;
}

type Answer = MongoDoc;

export class CloudbaseDouble {
  readonly requests: LoggedRequest[] = [];
  /** The `code` a duplicate key answers with: SYS_ERR reaches callers as errCode -501001. */
  duplicateCode: string;
  private readonly collections = new Map<string, Map<string, MongoDoc>>();
  private readonly tx: DoubleTransactions;
  private readonly salt = randomBytes(4).toString('hex');
  private readonly ranks = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: DoubleOptions,
  ) {
    this.tx = new DoubleTransactions(this);
    this.duplicateCode = options.duplicateCode ?? 'SYS_ERR';
    this.reset();
  }

  static async start(options: DoubleOptions): Promise<CloudbaseDouble> {
    let double: CloudbaseDouble | null = null;
    const server = createServer((req, res) => {
      if (double === null) res.destroy();
      else void double.serve(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    double = new CloudbaseDouble(server, `http://127.0.0.1:${port}/admin`, options);
    return double;
  }

  /** Empties every collection and forgets open transactions. */
  reset(): void {
    this.collections.clear();
    for (const name of this.options.collections) this.collections.set(name, new Map());
    this.tx.reset();
    this.requests.length = 0;
  }

  /** The stored documents of a collection as the service holds them (hidden fields included). */
  stored(collection: string): MongoDoc[] {
    return [...this.table(collection).values()].map((doc) => structuredClone(doc));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  table(collection: unknown): Map<string, MongoDoc> {
    const table = typeof collection === 'string' ? this.collections.get(collection) : undefined;
    if (table === undefined)
      throw new TxError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${String(collection)}`);
    return table;
  }

  /** Throws the duplicate-key failure if `doc` would break a unique index among `others` (itself excluded). */
  checkUnique(collection: string, doc: MongoDoc, others: Iterable<MongoDoc>): void {
    const idIndex: DoubleIndex = { collection, name: '_id_', fields: ['_id'], unique: true };
    const indexes = [idIndex, ...(this.options.indexes ?? []).filter((i) => i.collection === collection && i.unique)];
    for (const other of others) {
      for (const index of indexes) {
        // A unique index keys a missing field as null: two such documents clash.
        const key = (d: MongoDoc) => index.fields.map((f) => (d[f] === undefined ? null : d[f]));
        if (!deepEqual(key(other), key(doc))) continue;
        const dup = index.fields.map((f) => `${f}: ${JSON.stringify(doc[f] ?? null)}`).join(', ');
        throw new TxError(
          this.duplicateCode,
          `[FailedOperation] multiple write errors: [{write errors: [{E11000 duplicate key error collection: ` +
            `${this.options.env}.${collection} index: ${index.name} dup key: { ${dup} }}]}, {<nil>}]`,
        );
      }
    }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const requestId = randomBytes(8).toString('hex');
    let answer: Answer;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MongoDoc;
      this.requests.push({ action: String(body.action), body });
      if (req.method !== 'POST' || !String(req.headers.authorization).startsWith('TC3-HMAC-SHA256 ')) {
        throw new TxError('INVALID_REQUEST_SOURCE', 'unsigned request');
      }
      if (body.envName !== this.options.env) throw new TxError('INVALID_ENV', `env ${String(body.envName)} not found`);
      answer = await this.handle(body);
    } catch (error) {
      const code = error instanceof TxError ? error.code : 'DATABASE_REQUEST_FAILED';
      const message = error instanceof Error ? error.message : String(error);
      answer = { code, message };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ requestId, ...answer }));
  }

  private async handle(body: MongoDoc): Promise<Answer> {
    const txId = typeof body.transactionId === 'string' ? body.transactionId : undefined;
    switch (body.action) {
      case 'database.startTransaction':
        return { transactionId: this.tx.start() };
      case 'database.commitTransaction':
        this.tx.commit(String(body.transactionId));
        return {};
      case 'database.abortTransaction':
        this.tx.abort(String(body.transactionId));
        return {};
      case 'database.getDocument':
        return { data: this.get(body, txId) };
      case 'database.calculateDocument':
        return { data: { total: this.select(body, txId).length } };
      case 'database.insertDocument':
        if (txId === undefined) await this.unlocked(body, this.insertedIds(body));
        return { data: { insertedIds: this.insert(body, txId) } };
      case 'database.modifyDocument':
        if (txId === undefined) await this.unlocked(body, () => this.select(body, undefined).map((d) => String(d._id)));
        return { data: { updated: this.modify(body, txId), upsert_id: null } };
      case 'database.removeDocument':
        if (txId === undefined) await this.unlocked(body, () => this.select(body, undefined).map((d) => String(d._id)));
        return { data: { deleted: this.remove(body, txId) } };
      default:
        throw new TxError('INVALID_ACTION', `the double does not implement ${String(body.action)}`);
    }
  }

  /**
   * A plain write waits while a transaction holds one of the documents it would write, up to
   * LOCK_WAIT_MS, then fails as a lock timeout. `ids` is asked again after each wait: what the
   * query selects may change when the holder commits.
   */
  private async unlocked(body: MongoDoc, ids: () => string[]): Promise<void> {
    const collection = String(body.collectionName);
    const until = Date.now() + LOCK_WAIT_MS;
    while (ids().some((id) => this.tx.locked(collection, id))) {
      if (Date.now() > until)
        throw new TxError('DATABASE_REQUEST_FAILED', `LockTimeout: ${collection} is held by a transaction`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  private insertedIds(body: MongoDoc): () => string[] {
    return () =>
      Array.isArray(body.data)
        ? body.data.map((text: unknown) => String((EJSON.parse(String(text)) as MongoDoc)._id ?? ''))
        : [];
  }

  /** The documents a request's query selects, in natural order, as seen inside its transaction if any. */
  private select(body: MongoDoc, txId: string | undefined): MongoDoc[] {
    const query = typeof body.query === 'string' ? (EJSON.parse(body.query) as MongoDoc) : {};
    const docs =
      txId === undefined ? [...this.table(body.collectionName).values()] : this.tx.view(txId, body.collectionName);
    return this.natural(docs.filter((doc) => matches(doc, query)));
  }

  /** Natural order: by a salted hash of the id, stable within this double, unrelated to insertion. */
  private natural(docs: MongoDoc[]): MongoDoc[] {
    const rank = (doc: MongoDoc) => {
      const id = String(doc._id);
      let r = this.ranks.get(id);
      if (r === undefined) {
        r = createHash('sha1').update(`${this.salt}:${id}`).digest('hex').slice(0, 12);
        this.ranks.set(id, r);
      }
      return r;
    };
    return docs
      .map((doc) => [rank(doc), doc] as const)
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([, doc]) => doc);
  }

  private get(body: MongoDoc, txId: string | undefined): MongoDoc {
    let docs = this.select(body, txId);
    if (typeof body.order === 'string') docs = sortDocs(docs, EJSON.parse(body.order) as MongoDoc);
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    const limit = typeof body.limit === 'number' ? Math.min(body.limit, 1000) : 100;
    const list = docs.slice(offset, offset + limit).map((doc) => EJSON.stringify(doc, { relaxed: false }));
    return { list, limit, offset };
  }

  private insert(body: MongoDoc, txId: string | undefined): string[] {
    if (!Array.isArray(body.data)) throw new MongoError('insertDocument needs data: [EJSON]');
    return body.data.map((text: unknown) => {
      const doc = EJSON.parse(String(text)) as MongoDoc;
      if (doc._id === undefined) doc._id = randomBytes(12).toString('hex');
      if (txId !== undefined) this.tx.write(txId, body.collectionName, String(doc._id), doc);
      else {
        const table = this.table(body.collectionName);
        this.checkUnique(String(body.collectionName), doc, table.values());
        this.tx.committing(String(body.collectionName), String(doc._id));
        table.set(String(doc._id), doc);
      }
      return String(doc._id);
    });
  }

  private modify(body: MongoDoc, txId: string | undefined): number {
    if (body.upsert === true || body.merge === false) throw new MongoError('the double supports merge updates only');
    const update = EJSON.parse(String(body.data)) as MongoDoc;
    const targets = this.select(body, txId);
    let updated = 0;
    for (const doc of body.multi === false ? targets.slice(0, 1) : targets) {
      const next = applyUpdate(doc, update);
      if (deepEqual(next, doc)) continue;
      if (txId !== undefined) this.tx.write(txId, body.collectionName, String(doc._id), next);
      else {
        const table = this.table(body.collectionName);
        this.checkUnique(
          String(body.collectionName),
          next,
          [...table.values()].filter((d) => d._id !== doc._id),
        );
        this.tx.committing(String(body.collectionName), String(doc._id));
        table.set(String(doc._id), next);
      }
      updated += 1;
    }
    return updated;
  }

  private remove(body: MongoDoc, txId: string | undefined): number {
    const targets = this.select(body, txId);
    const chosen = body.multi === false ? targets.slice(0, 1) : targets;
    for (const doc of chosen) {
      if (txId !== undefined) this.tx.write(txId, body.collectionName, String(doc._id), null);
      else {
        this.tx.committing(String(body.collectionName), String(doc._id));
        this.table(body.collectionName).delete(String(doc._id));
      }
    }
    return chosen.length;
  }
}
