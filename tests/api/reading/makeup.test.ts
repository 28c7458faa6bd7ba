import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { countCheckins, publishDays, sh, staffIdOf, withoutSeededReadings } from './support';

// checkin.makeup: a past workday with a reading, at most 3 days back, 2 per month (DESIGN.md §5).
let t: TestServer;
const tokens: Record<string, string> = {};
const as = async (n: number) => (tokens[n] ??= await t.login(`demo-T${String(n).padStart(4, '0')}`));

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  await t.setClock(sh('2027-02-26', '05:00:00'), true);
  // 2027-03-04 (Thursday) gets no reading; 2027-03-06 is a Saturday.
  await publishDays(t, ['2027-02-26', '2027-03-01', '2027-03-02', '2027-03-03', '2027-03-05', '2027-03-06']);
  await publishDays(t, ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12']);
});
afterAll(() => t.stop());

const ruleOf = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.rule ?? errorOf(res).code;
const makeup = async (n: number, date: string, reason = '出差在外，未能按时打卡') =>
  t.call('checkin.makeup', { date, reason }, await as(n));

describe('a make-up', () => {
  it('is refused for today in the window, the future, too far back, a day without reading or off', async () => {
    await t.setClock(sh('2027-03-05', '07:00:00'), true); // Friday, window open
    expect(ruleOf(await makeup(20, '2027-03-05'))).toBe('makeupToday');
    expect(ruleOf(await makeup(20, '2027-03-08'))).toBe('makeupFuture');
    expect(ruleOf(await makeup(20, '2027-03-01'))).toBe('makeupDaysBack');
    expect(ruleOf(await makeup(20, '2027-03-04'))).toBe('noReading');
    await t.setClock(sh('2027-03-08', '10:00:00'), true);
    const saturday = await makeup(20, '2027-03-06');
    expect(saturday.status).toBe(422);
    expect(ruleOf(saturday)).toBe('workday');
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0020') })).toBe(0);
  });

  it('needs a clean reason of at most 200 characters and a real date', async () => {
    await t.setClock(sh('2027-03-05', '10:00:00'), true);
    const token = await as(20);
    for (const body of [
      { date: '2027-03-03' },
      { date: '2027-03-03', reason: '   ' },
      { date: '2027-03-03', reason: '因'.repeat(201) },
      { date: '2027-03-32', reason: '出差' },
      { date: '03/03/2027', reason: '出差' },
      { date: '2027-03-03', reason: '出差', note: '多余' },
    ]) {
      const res = await t.post('checkin.makeup', body, token);
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('INVALID_INPUT');
    }
    expect(errorOf(await makeup(20, '2027-03-03', '去赌博了')).details).toMatchObject({
      rule: 'content',
      field: 'reason',
    });
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0020') })).toBe(0);
  });

  it('counts for minutes and streaks, is marked everywhere, repeats harmlessly and stops at the quota', async () => {
    await t.setClock(sh('2027-03-05', '10:00:00'), true); // Friday, after the window
    const first = await t.ok('checkin.makeup', { date: '2027-03-03', reason: '出差在外' }, await as(21));
    expect(first).toMatchObject({
      makeupsLeft: 1,
      checkin: { date: '2027-03-03', makeup: true, reason: '出差在外', minutes: 20 },
    });
    const again = await t.ok('checkin.makeup', { date: '2027-03-03', reason: '再交一次' }, await as(21));
    expect(again).toMatchObject({
      already: true,
      makeupsLeft: 1,
      checkin: { id: first.checkin.id, reason: '出差在外' },
    });

    // Today, once its window has closed, is made up too.
    const today = await t.ok('checkin.makeup', { date: '2027-03-05', reason: '早上开会' }, await as(21));
    expect(today.makeupsLeft).toBe(0);
    // 3-04 had no reading: it neither breaks nor extends the run of 3-03 and 3-05.
    expect(today.streak).toBe(2);
    expect(today.monthCount).toBe(2);

    // Days later, beyond the days back, the repeat is still harmless.
    await t.setClock(sh('2027-03-10', '10:00:00'), true);
    expect((await t.ok('checkin.makeup', { date: '2027-03-03', reason: '再交一次' }, await as(21))).already).toBe(true);
    await t.setClock(sh('2027-03-05', '10:00:00'), true);
    const over = await makeup(21, '2027-03-02');
    expect(ruleOf(over)).toBe('makeupQuota');
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0021') })).toBe(2);

    const cal = await t.ok('checkin.calendar', { month: '2027-03' }, await as(21));
    const state = (d: string) => cal.days.find((x) => x.date === d);
    expect(state('2027-03-03')).toMatchObject({ state: 'makeup', canMakeup: false });
    expect(state('2027-03-05')).toMatchObject({ state: 'makeup' });
    expect(state('2027-03-02')).toMatchObject({ state: 'missed', canMakeup: false });
    expect(state('2027-03-04')).toMatchObject({ state: 'noReading', canMakeup: false });
    expect(cal).toMatchObject({ checkins: 2, makeups: 2, minutes: 40, makeupsLeft: 0 });

    const archive = await t.ok('checkin.archive', { year: 2027 }, await as(21));
    expect(archive.months[2]).toEqual({ month: '2027-03', checkins: 2, makeups: 2, minutes: 40 });
    const list = await t.ok('reading.list', { month: '2027-03' }, await as(21));
    expect(list.items.find((i) => i.date === '2027-03-03')?.mine).toBe('makeup');
  });

  it('takes its quota from the month of the day made up', async () => {
    await t.setClock(sh('2027-03-01', '10:00:00'), true); // Monday: Friday 2-26 is 3 days back
    const feb = await t.ok('checkin.makeup', { date: '2027-02-26', reason: '请假' }, await as(22));
    expect(feb.makeupsLeft).toBe(1);
    const mar = await t.ok('checkin.makeup', { date: '2027-03-01', reason: '外出办事' }, await as(22));
    expect(mar.makeupsLeft).toBe(1);
    const cal = await t.ok('checkin.calendar', { month: '2027-02' }, await as(22));
    expect(cal.makeupsLeft).toBe(1);
  });

  it('offers only days it would accept in the calendar', async () => {
    await t.setClock(sh('2027-03-05', '08:00:00'), true);
    const cal = await t.ok('checkin.calendar', { month: '2027-03' }, await as(25));
    const offered = cal.days.filter((d) => d.canMakeup).map((d) => d.date);
    expect(offered).toEqual(['2027-03-02', '2027-03-03']); // 3-01 is 4 days back, 3-04 had no reading
    expect(cal.days.find((d) => d.date === '2027-03-05')?.state).toBe('pending');
    expect(cal.days.find((d) => d.date === '2027-03-06')?.state).toBe('future');
  });

  it('takes no more than the quota when several are sent at once', async () => {
    await t.setClock(sh('2027-03-12', '10:00:00'), true);
    const days = ['2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12'];
    const results = await Promise.all(days.flatMap((d) => [makeup(23, d), makeup(23, d)]));
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(results.filter((r) => r.status === 422).every((r) => ruleOf(r) === 'makeupQuota')).toBe(true);
    expect(results.every((r) => r.status === 200 || r.status === 422)).toBe(true);
    const stored = await t.server.store
      .collection('checkins')
      .find({ staffId: await staffIdOf(t, 'T0023'), month: '2027-03' });
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((c) => c.makeupSlot)).size).toBe(2);
  });

  it('is closed when the unit allows none', async () => {
    await t.setClock(sh('2027-03-12', '10:00:00'), true);
    await t.ok('settings.update', { makeupsPerMonth: 0 }, await t.login('demo-T0001'));
    const res = await makeup(24, '2027-03-11');
    expect(ruleOf(res)).toBe('makeupQuota');
    expect(errorOf(res).message).toBe('本单位未开放补卡');
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0024') })).toBe(0);
  });
});
