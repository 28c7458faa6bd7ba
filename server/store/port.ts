/**
 * The Store port (DESIGN.md §2): a small document API that the SQLite adapter and the CloudBase
 * adapter both implement, so that every handler runs unchanged on either.
 */

export type Scalar = string | number | boolean | null;

export interface Doc {
  _id: string;
}

/** Conditions on one top-level field. A bare scalar means equality. */
export interface FieldCondition {
  eq?: Scalar;
  ne?: Scalar;
  gt?: string | number;
  gte?: string | number;
  lt?: string | number;
  lte?: string | number;
  in?: readonly Scalar[];
}

/** Filters on top-level fields only; every listed field must match. */
export type Filter<T> = { [K in keyof T]?: Scalar | FieldCondition };

export type SortSpec<T> = { [K in keyof T]?: 1 | -1 };

export interface FindOptions<T> {
  sort?: SortSpec<T>;
  /** At most MAX_LIMIT; default 100 (as CloudBase does). */
  limit?: number;
  skip?: number;
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

type NumericKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends number ? K : never }[keyof T];
type ArrayKeys<T> = { [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? K : never }[keyof T];
type ElementOf<A> = A extends readonly (infer E)[] ? E : never;

export interface UpdateOps<T> {
  set?: Partial<Omit<T, '_id'>>;
  inc?: { [K in NumericKeys<T>]?: number };
  push?: { [K in ArrayKeys<T>]?: ElementOf<NonNullable<T[K]>> };
}

export interface Collection<T extends Doc> {
  readonly name: string;
  get(id: string): Promise<T | null>;
  find(filter: Filter<T>, options?: FindOptions<T>): Promise<T[]>;
  count(filter: Filter<T>): Promise<number>;
  /** Throws `DuplicateError` when the `_id` or a declared unique key is taken. */
  insert(doc: T): Promise<T>;
  /**
   * Applies the ops to every matching document, each atomically; resolves to the number matched.
   * A conditional update (`{ _id, seatsLeft: { gt: 0 } }` with `inc: { seatsLeft: -1 }`) is how a
   * scarce thing is taken under concurrency. Throws `DuplicateError` if it would break a unique key.
   */
  update(filter: Filter<T>, ops: UpdateOps<T>): Promise<number>;
  remove(filter: Filter<T>): Promise<number>;
}

/** A unique key or `_id` is already taken. Handlers map it to CONFLICT or to `already`. */
export class DuplicateError extends Error {
  readonly collection: string;
  readonly key: string;

  constructor(collection: string, key: string) {
    super(`duplicate key ${key} in ${collection}`);
    this.name = 'DuplicateError';
    this.collection = collection;
    this.key = key;
  }
}

export function isDuplicate(error: unknown): error is DuplicateError {
  return error instanceof DuplicateError;
}

/**
 * How a collection is declared: unique keys (each one or more top-level fields; a document
 * missing any of the fields is not constrained) and fields to index for filtering and sorting.
 */
export interface CollectionSpec {
  unique?: readonly (readonly string[])[];
  indexes?: readonly (readonly string[])[];
  /**
   * Writes to it must leave no trace of their order or of what else they were committed with, in the
   * files at rest (the secret ballot). SQLite: a WITHOUT ROWID table, deleted content zeroed, and the
   * write-ahead log checkpointed away after each write. CloudBase: see docs/cloudbase.md.
   */
  secret?: boolean;
}

export type DocMap<C> = { [K in keyof C]: Doc };

export interface Store<C extends DocMap<C>> {
  collection<K extends keyof C & string>(name: K): Collection<C[K]>;
  /**
   * Runs fn with a store whose operations commit together or not at all. Only single-document
   * operations belong inside (CloudBase allows no more).
   */
  transaction<R>(fn: (tx: Store<C>) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}
