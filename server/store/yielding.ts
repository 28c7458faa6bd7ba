import type { Collection, Doc, DocMap, Store } from './port';

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

function yieldingCollection<T extends Doc>(inner: Collection<T>): Collection<T> {
  return {
    name: inner.name,
    get: async (id) => (await pause(), inner.get(id)),
    find: async (filter, options) => (await pause(), inner.find(filter, options)),
    count: async (filter) => (await pause(), inner.count(filter)),
    insert: async (doc) => (await pause(), inner.insert(doc)),
    update: async (filter, ops) => (await pause(), inner.update(filter, ops)),
    remove: async (filter) => (await pause(), inner.remove(filter)),
  };
}

/**
 * The SQLite adapter answers within the same turn of the event loop, so over the local server one
 * request runs to its end before the next is even read: HTTP tests of concurrency would never see
 * two requests interleave. This wrapper yields to the event loop before every operation, as a
 * networked store (CloudBase) does, so that concurrent requests really overlap in tests.
 */
export function yieldingStore<C extends DocMap<C>>(inner: Store<C>): Store<C> {
  return {
    collection: (name) => yieldingCollection(inner.collection(name)),
    transaction: (fn) => inner.transaction((tx) => fn(yieldingStore(tx))),
    close: () => inner.close(),
  };
}
