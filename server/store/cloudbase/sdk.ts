/**
 * The parts of wx-server-sdk's database API that the CloudBase adapter uses. The SDK's own typings
 * are mostly `any`, so these narrow interfaces say what we rely on; wx-server-sdk 4.x (over
 * @cloudbase/node-sdk 3 and @cloudbase/database 1.4) resolves to exactly these shapes.
 *
 * Queries and update data are passed as raw MongoDB operator objects: the SDK's encoder copies keys
 * that start with `$` verbatim into the EJSON it sends, whereas its command helpers (`db.command`)
 * merge sibling `$or` clauses of different fields into one `$or`, and its plain-object update path
 * flattens nested objects into dotted paths (merging instead of replacing) and drops `{}` values.
 */

export type MongoDoc = Record<string, unknown>;

export interface UpdateResult {
  stats: { updated: number };
}

export interface RemoveResult {
  stats: { removed: number };
}

export interface CloudQuery {
  where(query: MongoDoc): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  skip(offset: number): CloudQuery;
  limit(max: number): CloudQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(options: { data: MongoDoc }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface CloudDocumentRef {
  /** `data` is null for a missing document only with `throwOnNotFound: false`; else it throws. */
  get(): Promise<{ data: unknown }>;
  update(options: { data: MongoDoc }): Promise<UpdateResult>;
  remove(): Promise<RemoveResult>;
}

export interface CloudCollectionRef extends CloudQuery {
  doc(id: string): CloudDocumentRef;
  add(options: { data: MongoDoc }): Promise<unknown>;
}

export interface CloudTransaction {
  collection(name: string): CloudCollectionRef;
}

export interface CloudDatabase {
  collection(name: string): CloudCollectionRef;
  /**
   * Commits when fn resolves, aborts and rethrows when it throws. `retries` more attempts follow a
   * conflict the SDK recognises (only a commit-time one: see isWriteConflict); 0 leaves it to us.
   */
  runTransaction<R>(fn: (transaction: CloudTransaction) => Promise<R>, retries?: number): Promise<R>;
}

/** The text of an SDK error: its Error message plus the `errMsg` the SDK attaches. */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return String(error);
  const parts: string[] = [];
  for (const key of ['message', 'errMsg'] as const) {
    const value: unknown = (error as Record<string, unknown>)[key];
    if (typeof value === 'string') parts.push(value);
  }
  return parts.join(' | ');
}

/** `doc(id).get()` throws this (wrapped) when the database was opened with throwOnNotFound (the default). */
export function isNotFound(error: unknown): boolean {
  return /document with _id .* does not exist/s.test(errorText(error));
}

/**
 * A unique index refused a write. CloudBase passes MongoDB's text through (errCode -501001 or
 * -502001 depending on how the service classifies it), so the text is what we go by.
 */
export function isDuplicateKey(error: unknown): boolean {
  return /E11000|duplicate key|DuplicateKey/i.test(errorText(error));
}

/**
 * Another transaction wrote the same document first. The service answers
 * DATABASE_TRANSACTION_CONFLICT, but wx-server-sdk's wrappers around in-transaction reads and writes
 * (`maybeTransformError`) replace that code with errCode -501001 and keep only the message, which
 * names MongoDB's WriteConflict; only a conflict at commit keeps the code. So both are looked for.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error === 'object' && error !== null) {
    const code = (error as Record<string, unknown>).code;
    if (code === 'DATABASE_TRANSACTION_CONFLICT') return true;
  }
  return /WriteConflict|DATABASE_TRANSACTION_CONFLICT|TransactionConflict|write conflict/i.test(errorText(error));
}
