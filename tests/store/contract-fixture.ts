import type { Collection, CollectionSpec, Filter, Store } from '../../server/store/port';

/** Collections, specs and helpers shared by the parts of the Store contract (contract.ts). */

export interface ItemDoc {
  _id: string;
  group?: string;
  n?: number | null;
  flag?: boolean;
  name?: string | null;
  at?: string;
  code?: string | null;
  tags?: string[];
  hits?: number;
}

export interface EventDoc {
  _id: string;
  seatsLeft: number;
  takers?: string[];
}

export interface CheckinDoc {
  _id: string;
  staffId?: string;
  day?: string;
}

export interface TestCollections {
  items: ItemDoc;
  events: EventDoc;
  checkins: CheckinDoc;
}

export const TEST_SPECS: { [K in keyof TestCollections]: CollectionSpec } = {
  items: { unique: [['code']], indexes: [['group'], ['n'], ['at']] },
  events: {},
  checkins: { unique: [['staffId', 'day']] },
};

export interface OpenedStore {
  store: Store<TestCollections>;
  reopen?: () => Promise<Store<TestCollections>>;
  cleanup: () => Promise<void>;
  /**
   * The store is several store objects (containers) over one database: nothing makes another
   * container's reads wait for a transaction, only the database's locks hold its writes.
   */
  containers?: boolean;
}

export type OpenStore = () => Promise<OpenedStore>;

/** What each part of the contract gets: the store of the running test and what opened it. */
export interface ContractContext {
  store(): Store<TestCollections>;
  opened(): OpenedStore;
  /** Replaces the store under test (after a reopen). */
  use(store: Store<TestCollections>): void;
}

/** Field names an attacker might try; each must be refused before anything runs. */
export const HOSTILE_FIELDS = ["a') OR 1=1 --", 'a.b', '$where', '', '1a', 'a b', 'a"b', "a'b"];

export const FIXTURE: readonly ItemDoc[] = [
  { _id: 'a', group: 'x', n: 1, flag: true, name: 'Ann', at: '2024-01-01T08:00:00.000Z', code: 'A' },
  { _id: 'b', group: 'x', n: 2, flag: false, name: null, at: '2024-01-02T08:00:00.000Z', code: 'B' },
  { _id: 'c', group: 'y', n: 3, flag: true, at: '2024-01-10T08:00:00.000Z' },
  { _id: 'd', group: 'y', n: 10, name: 'Dan', at: '2023-12-31T23:59:59.999Z', code: null },
  { _id: 'e', group: 'z', n: 1.5, name: 'Eve', at: '2024-02-01T00:00:00.000Z' },
];

export async function seed(items: Collection<ItemDoc>): Promise<void> {
  for (const doc of FIXTURE) await items.insert({ ...doc });
}

/** Passes what the types forbid, for the tests that check the store refuses it at run time. */
export function loose<T>(value: unknown): T {
  return value as T;
}

export function ids(docs: readonly { _id: string }[]): string[] {
  return docs.map((d) => d._id).sort();
}

export async function matching(items: Collection<ItemDoc>, filter: Filter<ItemDoc>): Promise<string[]> {
  return ids(await items.find(filter));
}

/** Resolves to the rejection reason, or fails the test when the promise resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
