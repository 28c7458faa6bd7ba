import type { Collection, Doc, DocMap, Store } from '../../server/store/port';

/**
 * A store whose writes to one collection fail while `armed` is set, as a crash, a timeout or
 * throttling between two writes would leave them: inside transactions too, so that a test can show
 * what commits together and what does not.
 */
export interface FaultyStore<C extends DocMap<C>> {
  store: Store<C>;
  armed: boolean;
}

const WRITES = new Set(['insert', 'update', 'remove']);

export function failingWritesTo<C extends DocMap<C>>(inner: Store<C>, target: keyof C & string): FaultyStore<C> {
  const faulty: FaultyStore<C> = { store: wrap(inner), armed: true };

  function wrap(store: Store<C>): Store<C> {
    return {
      collection<K extends keyof C & string>(name: K): Collection<C[K]> {
        const collection = store.collection(name);
        if (name !== target) return collection;
        return new Proxy(collection, {
          get(c, method) {
            const value = Reflect.get(c, method) as unknown;
            if (typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              if (faulty.armed && WRITES.has(String(method)))
                return Promise.reject(new Error(`injected fault: ${String(method)} on ${name}`));
              return (value as (...a: unknown[]) => Promise<unknown>).apply(c, args);
            };
          },
        }) as Collection<C[K] & Doc>;
      },
      transaction: (fn) => store.transaction((tx) => fn(wrap(tx))),
      close: () => store.close(),
    };
  }
  return faulty;
}
