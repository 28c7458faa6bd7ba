import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { publishDays, readAndCheckIn, sh, staffIdOf, withoutSeededReadings } from './support';

// Honor roll, participation and archive: figures from counters kept on write (DESIGN.md §5, §6).
let t: TestServer;
let ids: Record<string, string>;
const tokens: Record<string, string> = {};
const as = async (n: number) => (tokens[n] ??= await t.login(`demo-T${String(n).padStart(4, '0')}`));
const WEEK = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'];

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  await t.setClock(sh('2027-03-01', '05:00:00'), true);
  ids = await publishDays(t, WEEK);
  // T0010 every day; T0011 four days; T0012 four days on time and one make-up; T0009 two days.
  const plan: Record<number, string[]> = {
    9: WEEK.slice(0, 2),
    10: WEEK,
    11: WEEK.slice(0, 4),
    12: ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-05'],
  };
  for (const day of WEEK) {
    for (const [n, days] of Object.entries(plan)) {
      if (days.includes(day)) await readAndCheckIn(t, await as(Number(n)), ids[day], day);
    }
  }
  await t.setClock(sh('2027-03-05', '10:00:00'), true);
  await t.ok('checkin.makeup', { date: '2027-03-04', reason: '在外参加培训' }, await as(12));
});
afterAll(() => t.stop());

describe('the 学习标兵 honor roll', () => {
  it('lists, in staff-number order and without ranks, times or counts, who reached 90 % of the days so far', async () => {
    const roll = await t.ok('checkin.honorRoll', { month: '2027-03' }, await as(20));
    expect(roll).toMatchObject({ enabled: true, provisional: true, workdays: 5, needed: 5, threshold: 0.9 });
    expect(roll.items).toEqual([
      { staffNo: 'T0010', name: '徐军', department: '预算科' },
      { staffNo: 'T0012', name: '马琳', department: '综合科' },
    ]);
  });

  it('judges a month in progress on the workdays that have passed, today once its window closed', async () => {
    await t.setClock(sh('2027-03-03', '08:00:00'), true);
    const midweek = await t.ok('checkin.honorRoll', { month: '2027-03' }, await as(20));
    expect(midweek).toMatchObject({ workdays: 2, needed: 2 });
    expect(midweek.items.map((i) => i.staffNo)).toEqual(['T0009', 'T0010', 'T0011', 'T0012']);
    await t.setClock(sh('2027-03-01', '07:00:00'), true);
    expect(await t.ok('checkin.honorRoll', { month: '2027-03' }, await as(20))).toMatchObject({
      workdays: 0,
      items: [],
    });
  });

  it("leaves out someone who missed a counted day, whatever today's check-in", async () => {
    // April: T0014 checks in on Monday, misses Tuesday, checks in on Wednesday while its window is open.
    await t.setClock(sh('2027-04-05', '05:00:00'), true);
    const april = await publishDays(t, ['2027-04-05', '2027-04-06', '2027-04-07']);
    await readAndCheckIn(t, await as(14), april['2027-04-05'], '2027-04-05');
    await readAndCheckIn(t, await as(15), april['2027-04-05'], '2027-04-05');
    await readAndCheckIn(t, await as(15), april['2027-04-06'], '2027-04-06');
    await readAndCheckIn(t, await as(14), april['2027-04-07'], '2027-04-07', '08:00:00', '08:01:00');
    const roll = await t.ok('checkin.honorRoll', { month: '2027-04' }, await as(20));
    expect(roll).toMatchObject({ workdays: 2, needed: 2 });
    expect(roll.items.map((i) => i.staffNo)).toEqual(['T0015']);
    // After the window: three counted days, T0014 has two of them (needs 3), T0015 two as well.
    await t.setClock(sh('2027-04-07', '10:00:00'), true);
    const closed = await t.ok('checkin.honorRoll', { month: '2027-04' }, await as(20));
    expect(closed).toMatchObject({ workdays: 3, needed: 3, items: [] });
  });

  it('counts every workday with a reading once the month is over, and nothing ahead', async () => {
    await t.setClock(sh('2027-04-01', '09:00:00'), true);
    const march = await t.ok('checkin.honorRoll', { month: '2027-03' }, await as(20));
    expect(march).toMatchObject({ provisional: false, workdays: 5, needed: 5 });
    expect(march.items.map((i) => i.staffNo)).toEqual(['T0010', 'T0012']);
    expect(await t.ok('checkin.honorRoll', { month: '2027-05' }, await as(20))).toMatchObject({ items: [], needed: 0 });
    await t.ok('settings.update', { honorRollThreshold: 0.8 }, await as(1));
    expect((await t.ok('checkin.honorRoll', { month: '2027-03' }, await as(20))).items.map((i) => i.staffNo)).toEqual([
      'T0010',
      'T0011',
      'T0012',
    ]);
  });

  it('is hidden when the unit turns ranking off', async () => {
    await t.ok('settings.update', { rankingMode: 'off' }, await as(1));
    expect(await t.ok('checkin.honorRoll', { month: '2027-03' }, await as(20))).toMatchObject({
      enabled: false,
      items: [],
    });
    await t.ok('settings.update', { rankingMode: 'honor-roll', honorRollThreshold: 0.9 }, await as(1));
  });
});

describe('participation', () => {
  it('gives secretaries rates per department and per day from the counters', async () => {
    await t.setClock(sh('2027-03-05', '10:00:00'), true);
    const p = await t.ok('checkin.participation', { month: '2027-03' }, await as(2));
    expect(p).toMatchObject({ month: '2027-03', workdays: 5, headcount: 40 });
    const dept = (name: string) => p.departments.find((d) => d.department === name);
    expect(p.departments.map((d) => d.department).sort()).toEqual(['办公室', '国库科', '综合科', '预算科'].sort());
    // T0009 (办公室) 2; T0010 (预算科) 5; T0011 (国库科) 4; T0012 (综合科) 5 with one make-up.
    expect(dept('办公室')).toMatchObject({ headcount: 10, participants: 1, checkins: 2, makeups: 0, rate: 2 / 50 });
    expect(dept('预算科')).toMatchObject({ participants: 1, checkins: 5, rate: 5 / 50 });
    expect(dept('综合科')).toMatchObject({ participants: 1, checkins: 5, makeups: 1, rate: 5 / 50 });
    expect(p.total).toMatchObject({ headcount: 40, participants: 4, checkins: 16, makeups: 1, rate: 16 / 200 });
    expect(p.days.map((d) => [d.date, d.checkins, d.makeups])).toEqual([
      ['2027-03-01', 4, 0],
      ['2027-03-02', 4, 0],
      ['2027-03-03', 3, 0],
      ['2027-03-04', 3, 1],
      ['2027-03-05', 2, 0],
    ]);
    expect(p.days[0].rate).toBe(4 / 40);
    expect(p.days[3].departments).toEqual(
      expect.arrayContaining([
        { department: '综合科', checkins: 1 },
        { department: '国库科', checkins: 1 },
      ]),
    );
  });

  it('is refused to staff and open to admins', async () => {
    const res = await t.call('checkin.participation', { month: '2027-03' }, await as(20));
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await t.ok('checkin.participation', { month: '2027-03' }, await as(1))).total.checkins).toBe(16);
  });
});

describe('the study archive', () => {
  it('gives the year per month with a total', async () => {
    const archive = await t.ok('checkin.archive', { year: 2027 }, await as(12));
    expect(archive.months).toHaveLength(12);
    expect(archive.months[2]).toEqual({ month: '2027-03', checkins: 5, makeups: 1, minutes: 100 });
    expect(archive.months[3]).toEqual({ month: '2027-04', checkins: 0, makeups: 0, minutes: 0 });
    expect(archive.total).toEqual({ checkins: 5, makeups: 1, minutes: 100 });
    expect(archive.staff).toMatchObject({ staffNo: 'T0012', name: '马琳' });
  });

  it('shows someone else’s archive to admins only', async () => {
    const other = await staffIdOf(t, 'T0010');
    const refused = await t.call('checkin.archive', { year: 2027, staffId: other }, await as(12));
    expect(refused.status).toBe(403);
    expect((await t.call('checkin.archive', { year: 2027, staffId: other }, await as(2))).status).toBe(403);
    const own = await t.ok('checkin.archive', { year: 2027, staffId: await staffIdOf(t, 'T0012') }, await as(12));
    expect(own.total.checkins).toBe(5);
    const seen = await t.ok('checkin.archive', { year: 2027, staffId: other }, await as(1));
    expect(seen).toMatchObject({ staff: { staffNo: 'T0010' }, total: { checkins: 5, minutes: 100 } });
    expect((await t.call('checkin.archive', { year: 2027, staffId: 'nobody' }, await as(1))).status).toBe(404);
    for (const year of [1999, 2101, 2027.5, '2027']) {
      expect((await t.post('checkin.archive', { year }, await as(12))).status).toBe(400);
    }
  });
});

describe('reading.today', () => {
  it('shows my state, streak and month count', async () => {
    await t.setClock(sh('2027-03-05', '10:00:00'), true);
    const today = await t.ok('reading.today', {}, await as(10));
    expect(today).toMatchObject({
      date: '2027-03-05',
      streak: 5,
      monthCount: 5,
      makeupsLeft: 2,
      window: { state: 'after' },
    });
    expect(today.checkin?.makeup).toBe(false);
    const eleven = await t.ok('reading.today', {}, await as(11));
    expect(eleven).toMatchObject({ streak: 4, checkin: null, openedAt: null });
  });
});
