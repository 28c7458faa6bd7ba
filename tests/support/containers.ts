import type { Collection, Doc, DocMap, Store } from '../../server/store/port';

/**
 * Several cloud function containers at once, as one Store for a test: each top-level operation and
 * each transaction goes to the next of `stores` in turn, every one of them its own store object
 * (its own gate) over the same database, as separate containers are in production.
 */
export function acrossContainers<C extends DocMap<C>>(stores: readonly Store<C>[]): Store<C> {
  let next = 0;
  const pick = () => stores[next++ % stores.length];
  return {
    collection<K extends keyof C & string>(name: K): Collection<C[K]> {
      const first = stores[0].collection(name);
      return new Proxy(first, {
        get(target, method) {
          const value = Reflect.get(target, method) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            const collection = pick().collection(name) as Collection<C[K] & Doc>;
            return (Reflect.get(collection, method) as (...a: unknown[]) => unknown).apply(collection, args);
          };
        },
      });
    },
    transaction: (fn) => pick().transaction(fn),
    close: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
}
