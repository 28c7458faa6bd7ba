// CloudBase database requests per call of the morning's actions, counted at the local double of the
// service through the real wx-server-sdk, in a warm container (kernel/cache.ts): what each member's
// morning costs against the plan's QPS and daily quota (docs/cloudbase.md).
import * as wxServerSdk from 'wx-server-sdk';
import { COLLECTION_SPECS, type Collections, handlers, seedDemoIfEmpty } from '../server/features';
import { ttlCache } from '../server/kernel/cache';
import { DevClock } from '../server/kernel/clock';
import { wordListCheck } from '../server/kernel/wordlist';
import { createRouter } from '../server/router';
import { openCloudbaseStore } from '../server/store/cloudbase';
import { consoleIndexes } from '../server/store/cloudbase/keys';
import type { CloudDatabase } from '../server/store/cloudbase/sdk';
import { CloudbaseDouble } from '../tests/support/cloudbase-double';
import { useCloudbaseEnv } from '../tests/support/cloudbase-env';

interface Sdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(config?: { throwOnNotFound?: boolean }): CloudDatabase;
}

const TUESDAY_0730 = '2026-03-02T23:30:00.000Z';

export async function cloudRequests(): Promise<[string, number][]> {
  const sdk = wxServerSdk as unknown as Sdk;
  const env = 'tongxin-bench-1c2d';
  const double = await CloudbaseDouble.start({
    env,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  const restore = useCloudbaseEnv(double, env);
  try {
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
    const store = openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
    const clock = new DevClock();
    clock.set(new Date(TUESDAY_0730), true);
    await seedDemoIfEmpty(store, clock.now());
    const router = createRouter({ store, clock, handlers, contentCheck: wordListCheck(), cache: ttlCache(60_000) });
    const count = async (openid: string, action: string, input: unknown) => {
      const before = double.requests.length;
      const { body } = await router.handle({ action, input, openid });
      if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
      return { n: double.requests.length - before, data: body.data };
    };
    // Warm the container and open the department's day (T0011 and T0015 share a department).
    const warm = await count('demo-T0011', 'reading.today', {});
    const readingId = (warm.data as { reading: { id: string } }).reading.id;
    await count('demo-T0011', 'reading.open', { readingId });
    await count('demo-T0015', 'reading.open', { readingId });
    clock.set(new Date(Date.parse(TUESDAY_0730) + 61_000), true);
    await count('demo-T0011', 'checkin.submit', { readingId });
    const rows: [string, number][] = [
      ['reading.today', (await count('demo-T0015', 'reading.today', {})).n],
      ['reading.open (again)', (await count('demo-T0015', 'reading.open', { readingId })).n],
      ['checkin.submit', (await count('demo-T0015', 'checkin.submit', { readingId })).n],
      ['checkin.submit (repeat)', (await count('demo-T0015', 'checkin.submit', { readingId })).n],
      ['reading.list (month)', (await count('demo-T0015', 'reading.list', { month: '2026-03' })).n],
    ];
    await store.close();
    return rows;
  } finally {
    await double.close();
    restore();
  }
}
