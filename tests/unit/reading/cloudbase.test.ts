import * as wxServerSdk from 'wx-server-sdk';
import { handlers } from '../../../server/features';
import type { Clock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import type { AppStore } from '../../../server/features';
import { createRouter, type Router } from '../../../server/router';
import { seedDemoIfEmpty } from '../../../server/features';
import { openCloudbaseStore } from '../../../server/store/cloudbase';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import type { CloudDatabase } from '../../../server/store/cloudbase/sdk';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { useCloudbaseEnv } from '../../support/cloudbase-env';
import { failingWritesTo } from '../../support/faulty-store';

/**
 * The morning-reading handlers on the CloudBase adapter (through the real wx-server-sdk and the
 * local double of the service): the same rules, keys and counters as on SQLite.
 */
interface Sdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(config: { env: symbol | string }): void;
  database(): CloudDatabase;
}
const sdk = wxServerSdk as unknown as Sdk;
const ENV = 'tongxin-reading-1a2b3c';

let double: CloudbaseDouble;
let restoreEnv: () => void;
let store: AppStore;
let router: Router;
let now = new Date('2027-03-03T23:30:00Z'); // Thursday 3-04, 07:30 in Shanghai
const clock: Clock = { now: () => now };

beforeAll(async () => {
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  restoreEnv = useCloudbaseEnv(double, ENV);
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  store = openCloudbaseStore<Collections>(sdk.database(), COLLECTION_SPECS);
  await seedDemoIfEmpty(store, now);
  router = createRouter({ store, clock, handlers, contentCheck: wordListCheck(), log: () => undefined });
  // Seeding the demo unit is a few hundred round trips to the double: more than jest's 5 s on a busy machine.
}, 30_000);

afterAll(async () => {
  await store.close();
  await double.close();
  restoreEnv();
});

async function call(openid: string, action: string, input: unknown) {
  return (await router.handle({ action, input, openid })).body;
}

async function data<T = Record<string, unknown>>(openid: string, action: string, input: unknown): Promise<T> {
  const body = await call(openid, action, input);
  if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
  return body.data as T;
}

describe('晨读 on CloudBase', () => {
  it('checks in once under concurrency, with the streak over seeded days', async () => {
    const today = await data<{ reading: { id: string }; date: string }>('demo-T0010', 'reading.today', {});
    expect(today.date).toBe('2027-03-04');
    await data('demo-T0010', 'reading.open', { readingId: today.reading.id });
    now = new Date(now.getTime() + 61_000);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call('demo-T0010', 'checkin.submit', { readingId: today.reading.id })),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => a.ok && !(a.data as { already?: boolean }).already)).toHaveLength(1);
    const seeded = await store.collection('checkins').find({ staffNo: 'T0010', month: '2027-03' });
    const result = answers[0].ok ? (answers[0].data as { streak: number }) : null;
    // The seed's pattern decides T0010's earlier days; the streak ends today either way.
    expect(result?.streak).toBeGreaterThanOrEqual(1);
    expect(seeded.filter((c) => c.date === '2027-03-04')).toHaveLength(1);
  });

  it('commits a check-in with its counters or not at all: a failed counter write leaves no record', async () => {
    const faulty = failingWritesTo(store, 'checkinDays');
    const torn = createRouter({
      store: faulty.store,
      clock,
      handlers,
      contentCheck: wordListCheck(),
      log: () => undefined,
    });
    const submit = async (readingId: string) =>
      (await torn.handle({ action: 'checkin.submit', input: { readingId }, openid: 'demo-T0011' })).body;
    const today = await data<{ reading: { id: string } }>('demo-T0011', 'reading.today', {});
    await data('demo-T0011', 'reading.open', { readingId: today.reading.id });
    now = new Date(now.getTime() + 61_000);
    const months = () => store.collection('checkinMonths').find({ staffNo: 'T0011', month: '2027-03' });
    const before = await months();

    expect(await submit(today.reading.id)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) });
    expect(await store.collection('checkins').count({ staffNo: 'T0011', date: '2027-03-04' })).toBe(0);
    expect(await months()).toEqual(before);

    faulty.armed = false;
    expect((await submit(today.reading.id)).ok).toBe(true);
    expect((await months())[0].checkins).toBe((before[0]?.checkins ?? 0) + 1);
  });

  it('takes make-ups by numbered slot and refuses beyond the quota', async () => {
    now = new Date('2027-03-04T02:00:00Z'); // 10:00, after the window
    const results = await Promise.all(
      ['2027-03-02', '2027-03-03', '2027-03-04'].map((date) =>
        call('demo-T0003', 'checkin.makeup', { date, reason: '外出' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.details?.rule))).toEqual(['makeupQuota']);
  });

  it('reads the honor roll in staff-number order and participation from counters equal to a recount', async () => {
    const roll = await data<{ items: { staffNo: string }[]; workdays: number }>('demo-T0020', 'checkin.honorRoll', {
      month: '2027-03',
    });
    expect(roll.workdays).toBe(4);
    const numbers = roll.items.map((i) => i.staffNo);
    expect(numbers).toEqual([...numbers].sort());

    const records = await store.collection('checkins').find({ month: '2027-03' }, { limit: 1000 });
    const p = await data<{ total: { checkins: number; makeups: number; participants: number } }>(
      'demo-T0002',
      'checkin.participation',
      {
        month: '2027-03',
      },
    );
    expect(p.total).toEqual(
      expect.objectContaining({
        checkins: records.length,
        makeups: records.filter((r) => r.makeup).length,
        participants: new Set(records.map((r) => r.staffId)).size,
      }),
    );
    const archive = await data<{ total: { checkins: number } }>('demo-T0003', 'checkin.archive', { year: 2027 });
    expect(archive.total.checkins).toBe(2);
  });

  it("keeps one reading per day and branch, and gives a branch's members their branch's", async () => {
    now = new Date('2027-03-04T02:00:00Z');
    const body = '支部领学：第一段。\n第二段：结合岗位谈体会。';
    const publish = () => call('demo-T0029', 'reading.publish', { date: '2027-03-05', title: '一支部领学', body });
    const both = await Promise.all([publish(), publish()]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(['CONFLICT']);
    now = new Date('2027-03-04T23:30:00Z'); // Friday 3-05, 07:30
    const first = await data<{ reading: { title: string; branch?: string } }>('demo-T0021', 'reading.today', {});
    expect(first.reading).toMatchObject({ title: '一支部领学', branch: '机关第一党支部' });
    const second = await data<{ reading: { title: string; branch?: string } }>('demo-T0022', 'reading.today', {});
    expect(second.reading.branch).toBeUndefined();
  });
});
