// CloudBase database requests per call of the morning's actions, counted at the local double of the
// service through the real wx-server-sdk, in a warm container (kernel/cache.ts): what each member's
// morning costs against the plan's QPS and daily quota (docs/cloudbase.md).
import { handlers, seedDemoIfEmpty } from '../server/features';
import { ttlCache } from '../server/kernel/cache';
import { DevClock } from '../server/kernel/clock';
import { wordListCheck } from '../server/kernel/wordlist';
import { createRouter } from '../server/router';
import { startCloudApp } from '../tests/support/cloud-app';

const TUESDAY_0730 = '2026-03-02T23:30:00.000Z';

export interface RequestCount {
  name: string;
  requests: number;
  /** What the call answered, so that a test can see the count is of a call that did its work. */
  data: unknown;
}

/** Requests per call, by action; tests/unit/cloud/round-trips.test.ts holds them to ceilings. */
export async function cloudRequests(): Promise<RequestCount[]> {
  const app = await startCloudApp('tongxin-bench-1c2d');
  const { double } = app;
  try {
    const store = app.openStore();
    const clock = new DevClock();
    clock.set(new Date(TUESDAY_0730), true);
    await seedDemoIfEmpty(store, clock.now());
    const router = createRouter({ store, clock, handlers, contentCheck: wordListCheck(), cache: ttlCache(60_000) });
    const count = async (openid: string, action: string, input: unknown) => {
      const before = double.requests.length;
      const { body } = await router.handle({ action, input, openid });
      if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
      return { requests: double.requests.length - before, data: body.data };
    };
    // Warm the container and open the department's day (T0011 and T0015 share a department).
    const warm = await count('demo-T0011', 'reading.today', {});
    const readingId = (warm.data as { reading: { id: string } }).reading.id;
    await count('demo-T0011', 'reading.open', { readingId });
    await count('demo-T0015', 'reading.open', { readingId });
    clock.set(new Date(Date.parse(TUESDAY_0730) + 61_000), true);
    await count('demo-T0011', 'checkin.submit', { readingId });
    // In this order: each call is measured in the state the one before left.
    const rows: RequestCount[] = [];
    for (const [name, action, input] of [
      ['reading.today', 'reading.today', {}],
      ['reading.open (again)', 'reading.open', { readingId }],
      ['checkin.submit', 'checkin.submit', { readingId }],
      ['checkin.submit (repeat)', 'checkin.submit', { readingId }],
      ['reading.list (month)', 'reading.list', { month: '2026-03' }],
    ] as const) {
      rows.push({ name, ...(await count('demo-T0015', action, input)) });
    }
    await store.close();
    return rows;
  } finally {
    await app.close();
  }
}
