import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppStore } from '../../../server/features';
import { seedDemoIfEmpty } from '../../../server/features';
import { openSqliteStore } from '../../../server/store/sqlite';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';

// The demo seed (DESIGN.md §7): readings for the workdays of the week holding `now` in Shanghai and the next.
const dirs: string[] = [];
const stores: AppStore[] = [];

async function seededAt(iso: string): Promise<AppStore> {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-seed-'));
  dirs.push(dir);
  const store = openSqliteStore<Collections>({ file: join(dir, 'db.sqlite'), specs: COLLECTION_SPECS });
  stores.push(store);
  await seedDemoIfEmpty(store, new Date(iso));
  return store;
}

afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the reading seed', () => {
  it("gives each of the two branches a secretary and her branch's readings, the week after next", async () => {
    const store = await seededAt('2027-03-03T23:30:00Z');
    const branchReadings = await store.collection('branchReadings').find({}, { sort: { branch: 1, date: 1 } });
    expect(branchReadings.map((r) => [r.branch, r.date])).toEqual([
      ['机关第一党支部', '2027-03-15'],
      ['机关第一党支部', '2027-03-16'],
      ['机关第二党支部', '2027-03-15'],
      ['机关第二党支部', '2027-03-16'],
    ]);
    const staff = await store.collection('staff').find({}, { limit: 100 });
    const secretaryOf = (branch: string) =>
      staff.filter((s) => s.branch === branch && s.roles.includes('secretary')).map((s) => s.staffNo);
    expect([secretaryOf('机关第一党支部'), secretaryOf('机关第二党支部')]).toEqual([['T0029'], ['T0030']]);
    for (const r of branchReadings) {
      expect(staff.find((s) => s._id === r.publishedBy)?.branch).toBe(r.branch);
    }
    // 王芳, the unit's secretary, is in no branch and publishes the unit's readings.
    expect(staff.find((s) => s.staffNo === 'T0002')?.branch).toBeUndefined();
  });

  it('publishes the current and the next Shanghai week and checks in on the days already past, counters included', async () => {
    const store = await seededAt('2027-03-03T23:30:00Z'); // Thursday 3-04, 07:30 in Shanghai
    const readings = await store.collection('readings').find({}, { sort: { date: 1 } });
    expect(readings.map((r) => r.date)).toEqual([
      ...['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'],
      ...['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'],
    ]);
    expect(new Set(readings.map((r) => r.title)).size).toBe(10);
    expect(readings.every((r) => r.body.split('\n').length >= 3 && r.title.length > 0)).toBe(true);

    const checkins = await store.collection('checkins').find({}, { limit: 1000 });
    expect(new Set(checkins.map((c) => c.date))).toEqual(new Set(['2027-03-01', '2027-03-02', '2027-03-03']));
    expect(checkins.every((c) => !c.makeup && c.month === '2027-03')).toBe(true);
    const days = await store.collection('checkinDays').find({ month: '2027-03' }, { limit: 1000 });
    expect(days.reduce((n, d) => n + d.checkins, 0)).toBe(checkins.length);
    const months = await store.collection('checkinMonths').find({ month: '2027-03' }, { limit: 1000 });
    expect(months.reduce((n, d) => n + d.checkins, 0)).toBe(checkins.length);
    const depts = await store.collection('checkinDeptMonths').find({ month: '2027-03' }, { limit: 1000 });
    expect(depts.reduce((n, d) => n + d.participants, 0)).toBe(new Set(checkins.map((c) => c.staffId)).size);
  });

  it('takes the week from the Shanghai day: 00:30 on Monday is still Sunday in UTC', async () => {
    const store = await seededAt('2027-03-07T16:30:00Z');
    const readings = await store.collection('readings').find({}, { sort: { date: 1 } });
    expect(readings.map((r) => r.date)).toEqual([
      ...['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'],
      ...['2027-03-15', '2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19'],
    ]);
    expect(await store.collection('checkins').count({})).toBe(0);
  });

  it('follows the official calendar: no readings in the 国庆 week, one on its 调休 Saturday', async () => {
    const store = await seededAt('2026-09-30T00:00:00Z'); // Wednesday 09-30, 08:00 in Shanghai
    const readings = await store.collection('readings').find({}, { sort: { date: 1 } });
    expect(readings.map((r) => r.date)).toEqual([
      ...['2026-09-28', '2026-09-29', '2026-09-30'],
      ...['2026-10-08', '2026-10-09', '2026-10-10'],
    ]);
    const checkins = await store.collection('checkins').find({}, { limit: 1000 });
    expect(new Set(checkins.map((c) => c.date))).toEqual(new Set(['2026-09-28', '2026-09-29']));
  });
});
