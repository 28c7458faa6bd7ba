import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type AppStore,
  COLLECTION_SPECS,
  type Collections,
  handlers,
  recountAll,
  seedDemoIfEmpty,
} from '../../../server/features';
import type { Clock } from '../../../server/kernel/clock';
import { wordListCheck } from '../../../server/kernel/wordlist';
import { createRouter } from '../../../server/router';
import { openSqliteStore } from '../../../server/store/sqlite';
import { failingWritesTo } from '../../support/faulty-store';
import type { CheckinDayDoc, CheckinDeptMonthDoc } from '../../../server/features/reading/collections';
import { DAY_FIELDS, dayKey, DEPT_MONTH_FIELDS, deptMonthKey } from '../../../server/features/reading/counters';
import { sumShards } from '../../../server/kernel/counters';

/**
 * The counters kept on write (check-ins per member-month, department-day and department-month) on the
 * SQLite store: a check-in and its counters commit together, and the recount proves and repairs them
 * from the records.
 */
const dirs: string[] = [];
const stores: AppStore[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const THURSDAY_0730 = '2027-03-03T23:30:00Z'; // Thursday 3-04 in Shanghai, inside the window

async function seeded(): Promise<{ store: AppStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-counters-'));
  dirs.push(dir);
  const store = openSqliteStore<Collections>({ file: join(dir, 'tongxin.db'), specs: COLLECTION_SPECS });
  stores.push(store);
  await seedDemoIfEmpty(store, new Date(THURSDAY_0730));
  return { store, dir };
}

async function counters(store: AppStore) {
  const [month, day, dept] = await Promise.all([
    store.collection('checkinMonths').find({ month: '2027-03', staffId: { ne: '' } }, { limit: 1000 }),
    store.collection('checkinDays').find({ date: '2027-03-04' }, { limit: 1000 }),
    store.collection('checkinDeptMonths').find({ month: '2027-03' }, { limit: 1000 }),
  ]);
  return { month, day, dept };
}

describe('a check-in and its counters', () => {
  it('commit together: a failed counter write leaves no record, and the retry counts once', async () => {
    const { store } = await seeded();
    const faulty = failingWritesTo(store, 'checkinDeptMonths');
    let now = new Date(THURSDAY_0730);
    const clock: Clock = { now: () => now };
    const router = createRouter({
      store: faulty.store,
      clock,
      handlers,
      contentCheck: wordListCheck(),
      log: () => undefined,
    });
    const call = async (action: string, input: unknown) =>
      (await router.handle({ action, input, openid: 'demo-T0010' })).body;
    const today = await call('reading.today', {});
    if (!today.ok) throw new Error(JSON.stringify(today.error));
    const readingId = (today.data as { reading: { id: string } }).reading.id;
    expect((await call('reading.open', { readingId })).ok).toBe(true);
    now = new Date(now.getTime() + 61_000);
    const before = await counters(store);

    const failed = await call('checkin.submit', { readingId });
    expect(failed).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) });
    expect(await store.collection('checkins').count({ staffNo: 'T0010', date: '2027-03-04' })).toBe(0);
    expect(await counters(store)).toEqual(before);

    faulty.armed = false;
    const retried = await call('checkin.submit', { readingId });
    expect(retried).toEqual({ ok: true, data: expect.not.objectContaining({ already: true }) });
    const after = await counters(store);
    const total = (docs: { checkins: number }[]) => docs.reduce((n, d) => n + d.checkins, 0);
    expect(total(after.month)).toBe(total(before.month) + 1);
    expect(total(after.day)).toBe(total(before.day) + 1);
    expect(total(after.dept)).toBe(total(before.dept) + 1);
    expect(await recountAll(store, { now, all: true })).toEqual([]);
  });
});

/**
 * The first department-month counter as its shards sum it (with the key's id, that of shard 0), and
 * one of its shards.
 */
async function firstDeptMonth(store: AppStore): Promise<[CheckinDeptMonthDoc, CheckinDeptMonthDoc]> {
  const [shard] = await store
    .collection('checkinDeptMonths')
    .find({ month: '2027-03' }, { sort: { _id: 1 }, limit: 1 });
  const [sum] = sumShards(await shardsOf(store, shard), deptMonthKey, DEPT_MONTH_FIELDS);
  return [sum, shard];
}

/** The shards of one counter: its department and its branch (or none). */
async function shardsOf(store: AppStore, d: CheckinDeptMonthDoc): Promise<CheckinDeptMonthDoc[]> {
  const all = await store
    .collection('checkinDeptMonths')
    .find({ month: d.month, department: d.department }, { limit: 20 });
  return all.filter((s) => deptMonthKey(s) === deptMonthKey(d));
}

/** The first department-day counter as its shards sum it, and its shards. */
async function firstDay(store: AppStore): Promise<[CheckinDayDoc, CheckinDayDoc[]]> {
  const [first] = await store.collection('checkinDays').find({ month: '2027-03' }, { sort: { _id: 1 }, limit: 1 });
  const shards = (
    await store.collection('checkinDays').find({ date: first.date, department: first.department }, { limit: 20 })
  ).filter((s) => dayKey(s) === dayKey(first));
  return [sumShards(shards, dayKey, DAY_FIELDS)[0], shards];
}

describe('the recount', () => {
  it('finds the demo unit’s counters equal to its records', async () => {
    const { store } = await seeded();
    expect(await recountAll(store, { now: new Date(THURSDAY_0730), all: true })).toEqual([]);
  });

  it('repairs a short counter, a missing one and one with no records behind it, then finds nothing', async () => {
    const { store } = await seeded();
    const [month] = await store.collection('checkinMonths').find({ month: '2027-03' }, { sort: { _id: 1 }, limit: 1 });
    const [dept, shard] = await firstDeptMonth(store);
    const [day, dayShards] = await firstDay(store);
    await store.collection('checkinMonths').update({ _id: month._id }, { inc: { checkins: -1, minutes: -20 } });
    await store.collection('checkinDeptMonths').update({ _id: shard._id }, { inc: { participants: -1 } });
    for (const d of dayShards) await store.collection('checkinDays').remove({ _id: d._id });
    await store.collection('checkinDays').insert({
      ...day,
      branch: undefined,
      _id: '2027-03-05:无此部门',
      date: '2027-03-05',
      department: '无此部门',
      makeups: 0,
    });

    const lines = await recountAll(store, { now: new Date(THURSDAY_0730), all: true });
    expect(lines).toEqual(
      expect.arrayContaining([
        `reading: checkinMonths ${month._id}: checkins ${month.checkins - 1} → ${month.checkins}, minutes ${month.minutes - 20} → ${month.minutes}`,
        `reading: checkinDeptMonths ${dept._id}: participants ${dept.participants - 1} → ${dept.participants}`,
        `reading: checkinDays 2027-03-05:无此部门: checkins ${day.checkins} → 0`,
        `reading: checkinDays ${day._id}: 新建 (checkins ${day.checkins}, makeups ${day.makeups})`,
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(await store.collection('checkinMonths').get(month._id)).toEqual(month);
    // A repaired counter is whole in its first shard.
    expect(await store.collection('checkinDays').get(day._id)).toEqual(day);
    expect(sumShards(await shardsOf(store, dept), deptMonthKey, DEPT_MONTH_FIELDS)).toEqual([dept]);
    expect(await recountAll(store, { now: new Date(THURSDAY_0730), all: true })).toEqual([]);
  });

  it('recreates a lost member-month with the roster’s name, and the nightly scope leaves older months alone', async () => {
    const { store } = await seeded();
    const [month] = await store.collection('checkinMonths').find({ month: '2027-03' }, { sort: { _id: 1 }, limit: 1 });
    await store.collection('checkinMonths').remove({ _id: month._id });
    const old = { ...month, _id: `2026-12:${month.staffId}`, month: '2026-12', year: 2026 };
    await store.collection('checkinMonths').insert(old);

    // 2027-04-10 in Shanghai: the nightly recount covers 2027-03 and 2027-04 only.
    const nightly = await recountAll(store, { now: new Date('2027-04-09T19:00:00Z'), all: false });
    expect(nightly).toEqual([expect.stringContaining(`checkinMonths ${month._id}: 新建`)]);
    expect(await store.collection('checkinMonths').get(month._id)).toEqual(month);
    expect((await store.collection('checkinMonths').get(old._id))?.checkins).toBe(month.checkins);

    const full = await recountAll(store, { now: new Date('2027-04-09T19:00:00Z'), all: true });
    expect(full).toEqual([expect.stringContaining(`checkinMonths ${old._id}: checkins ${month.checkins} → 0`)]);
  });

  it('runs from the command line over a data folder and says what it changed', async () => {
    const { store, dir } = await seeded();
    const [dept, shard] = await firstDeptMonth(store);
    await store.collection('checkinDeptMonths').update({ _id: shard._id }, { inc: { checkins: 5 } });
    const run = () =>
      promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', join(__dirname, '../../../scripts/recount.ts'), '--data', dir],
        {
          timeout: 60_000,
        },
      );
    const first = await run();
    expect(first.stdout).toContain(`checkinDeptMonths ${dept._id}: checkins ${dept.checkins + 5} → ${dept.checkins}`);
    expect(first.stdout).toContain('已修正 1 处计数');
    expect((await run()).stdout).toContain('计数与记录一致，未改动');
  });
});
