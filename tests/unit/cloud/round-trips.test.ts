import * as wxServerSdk from 'wx-server-sdk';
import { COLLECTION_SPECS, type Collections, handlers, seedDemoIfEmpty } from '../../../server/features';
import { ttlCache } from '../../../server/kernel/cache';
import { DevClock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import { createRouter, type Router } from '../../../server/router';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { useCloudbaseEnv } from '../../support/cloudbase-env';

/**
 * Database requests per call of the morning's actions, counted at the double through the real SDK,
 * in a warm container (its cache holds the settings, the day's reading and the calendar). Every
 * request counts against CloudBase's QPS and daily quota (docs/cloudbase.md): these are ceilings.
 */
interface Sdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(config?: { throwOnNotFound?: boolean }): CloudDatabase;
}
const sdk = wxServerSdk as unknown as Sdk;
const ENV = 'tongxin-round-trips-7a8b';
const TUESDAY_0730 = '2026-03-02T23:30:00.000Z'; // Tuesday 3 March, 07:30 in Shanghai

let double: CloudbaseDouble;
let restoreEnv: () => void;
let router: Router;
const clock = new DevClock();
beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  restoreEnv = useCloudbaseEnv(double, ENV);
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  const store = openCloudbaseStore<Collections>(sdk.database({ throwOnNotFound: false }), COLLECTION_SPECS);
  clock.set(new Date(TUESDAY_0730), true);
  await seedDemoIfEmpty(store, clock.now());
  router = createRouter({ store, clock, handlers, contentCheck: wordListCheck(), cache: ttlCache(60_000) });
});
afterAll(async () => {
  await double.close();
  restoreEnv();
});

async function requests(openid: string, action: string, input: unknown): Promise<{ count: number; data: unknown }> {
  const before = double.requests.length;
  const { body } = await router.handle({ action, input, openid });
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return { count: double.requests.length - before, data: body.data };
}

it('reading.today ≤ 3, reading.open ≤ 3, checkin.submit ≤ 11 requests in a warm container', async () => {
  // The first member of the morning warms the container, and opens the department's day
  // (T0011 and T0015 work in one department).
  const warm = await requests('demo-T0011', 'reading.today', {});
  const readingId = (warm.data as { reading: { id: string } }).reading.id;
  await requests('demo-T0011', 'reading.open', { readingId });
  await requests('demo-T0015', 'reading.open', { readingId });
  clock.set(new Date(Date.parse(TUESDAY_0730) + 61_000), true);
  await requests('demo-T0011', 'checkin.submit', { readingId });

  const today = await requests('demo-T0015', 'reading.today', {});
  const open = await requests('demo-T0015', 'reading.open', { readingId });
  // staff, recent check-ins (the month's among them), the open; then one transaction: start, the record (its id
  // and its day's key checked, then added), three counter increments, commit.
  const submit = await requests('demo-T0015', 'checkin.submit', { readingId });
  const repeat = await requests('demo-T0015', 'checkin.submit', { readingId });
  const counts = { today: today.count, open: open.count, submit: submit.count, repeat: repeat.count };
  const ceilings = { today: 3, open: 3, submit: 11, repeat: 2 };
  const over = Object.entries(counts).filter(([k, n]) => n > ceilings[k as keyof typeof ceilings]);
  expect([counts, over]).toEqual([counts, []]);
  expect(submit.data).toMatchObject({ streak: expect.any(Number), monthCount: expect.any(Number) });
  expect(repeat.data).toMatchObject({ already: true });
});
