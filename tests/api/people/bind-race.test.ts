import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handlers } from '../../../server/features';
import { systemClock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import type { AppStore } from '../../../server/features';
import { createRouter, type Router } from '../../../server/router';
import { seedDemoIfEmpty } from '../../../server/features';
import { openSqliteStore } from '../../../server/store/sqlite';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';

/**
 * The local store answers within one tick, so HTTP requests never interleave; CloudBase answers over
 * the network and they do. This store yields a macrotask before every operation, as a remote one would.
 */
function remoteLike(store: AppStore): AppStore {
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'collection') return Reflect.get(target, prop, receiver) as unknown;
      return (name: keyof Collections & string) => {
        const collection = target.collection(name);
        return new Proxy(collection, {
          get(c, method) {
            const value = Reflect.get(c, method) as unknown;
            if (typeof value !== 'function') return value;
            return async (...args: unknown[]) => {
              await tick();
              return (value as (...a: unknown[]) => Promise<unknown>).apply(c, args);
            };
          },
        });
      };
    },
  });
}

let dir: string;
let store: AppStore;
let router: Router;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tongxin-bind-race-'));
  const sqlite = openSqliteStore<Collections>({ file: join(dir, 'tongxin.db'), specs: COLLECTION_SPECS });
  await seedDemoIfEmpty(sqlite, systemClock.now());
  store = remoteLike(sqlite);
  router = createRouter({ store, clock: systemClock, handlers, contentCheck: wordListCheck(), log: () => undefined });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const bind = (openid: string, name: string) =>
  router.handle({ action: 'staff.bind', input: { staffNo: 'T0040', name }, openid });

describe('staff.bind rate limit with a store whose operations interleave', () => {
  it('gives 20 simultaneous wrong guesses from one openid no more than the 5 tries of an hour', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bind('burst-guesser', `猜${i}`)));
    const tried = results.filter((r) => r.status === 404).length;
    expect(results.filter((r) => r.status !== 404 && r.status !== 429)).toEqual([]);
    expect(tried).toBeLessThanOrEqual(5);
    // Whatever the burst left of the quota, the hour allows exactly 5 wrong pairs in all.
    const later: number[] = [];
    for (let i = 0; i < 6; i++) later.push((await bind('burst-guesser', `再猜${i}`)).status);
    expect(tried + later.filter((s) => s === 404).length).toBe(5);
    expect(later[later.length - 1]).toBe(429);
    expect((await bind('burst-guesser', '杜鹃')).status).toBe(429);
  });

  it('still binds the right pair at once, without counting it as a failure', async () => {
    const ok = await router.handle({
      action: 'staff.bind',
      input: { staffNo: 'T0035', name: '潘越' },
      openid: 'phone-T0035',
    });
    expect(ok.status).toBe(200);
    expect(await store.collection('bindFailures').count({ openid: 'phone-T0035' })).toBe(0);
  });
});
