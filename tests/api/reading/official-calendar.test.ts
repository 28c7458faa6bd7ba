import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { publishDays, readAndCheckIn, sh, withoutSeededReadings } from './support';

// The morning reading on the official schedule (chinese-days): 国庆 2026 is 10-01..10-07 off and
// Saturday 10-10 is a 调休 working day. The process runs in UTC, the unit in Asia/Shanghai.
let t: TestServer;
let ids: Record<string, string>;
let admin: string;
const tokens: Record<string, string> = {};
const as = async (n: number) => (tokens[n] ??= await t.login(`demo-T${String(n).padStart(4, '0')}`));
const ruleOf = (res: Parameters<typeof errorOf>[0]) => errorOf(res).details?.rule ?? errorOf(res).code;

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  admin = await t.login('demo-T0001');
  await t.setClock(sh('2026-09-28', '05:00:00'), true);
  // A reading on the holiday too: a secretary may publish ahead, but nobody need check in on it.
  ids = await publishDays(t, ['2026-09-30', '2026-10-01', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-17']);
});
afterAll(() => t.stop());

describe('a check-in on the official calendar', () => {
  it('is refused on 国庆 (a Thursday) as a non-workday, from local midnight on', async () => {
    const token = await as(10);
    // 23:59:59 on 09-30 in Shanghai is still an ordinary Wednesday.
    await t.setClock('2026-09-30T15:59:59Z', true);
    expect(await t.ok('reading.today', {}, token)).toMatchObject({ date: '2026-09-30', workday: true });
    // One second later it is 10-01 in Shanghai (16:00 UTC on 09-30).
    await t.setClock('2026-09-30T16:00:00Z', true);
    const midnight = await t.ok('reading.today', {}, token);
    expect(midnight).toMatchObject({ date: '2026-10-01', workday: false, calendarNote: '国庆节' });

    // Inside the window, the reading opened long enough: still no check-in on a holiday.
    await t.setClock(sh('2026-10-01', '07:30:00'), true);
    await t.ok('reading.open', { readingId: ids['2026-10-01'] }, token);
    await t.setClock(sh('2026-10-01', '07:32:00'), true);
    const res = await t.call('checkin.submit', { readingId: ids['2026-10-01'] }, token);
    expect(res.status).toBe(422);
    expect(ruleOf(res)).toBe('workday');
    expect(await t.server.store.collection('checkins').count({ date: '2026-10-01' })).toBe(0);
  });

  it('is accepted on the 调休 Saturday inside the window, and refused before it at local midnight', async () => {
    const token = await as(11);
    // 23:30 on Friday 10-09 in Shanghai.
    await t.setClock('2026-10-09T15:30:00Z', true);
    expect(await t.ok('reading.today', {}, token)).toMatchObject({ date: '2026-10-09', workday: true });
    // 00:30 on Saturday 10-10 in Shanghai, still Friday in UTC: a workday, the window not yet open.
    await t.setClock('2026-10-09T16:30:00Z', true);
    const early = await t.ok('reading.today', {}, token);
    expect(early).toMatchObject({ date: '2026-10-10', workday: true, window: { state: 'before' } });
    await t.ok('reading.open', { readingId: ids['2026-10-10'] }, token);
    await t.setClock('2026-10-09T16:32:00Z', true);
    expect(ruleOf(await t.call('checkin.submit', { readingId: ids['2026-10-10'] }, token))).toBe('window');
    // 07:30 Shanghai (23:30 UTC on 10-09).
    await t.setClock('2026-10-09T23:30:00Z', true);
    const done = await t.ok('checkin.submit', { readingId: ids['2026-10-10'] }, token);
    expect(done.checkin).toMatchObject({ date: '2026-10-10', makeup: false });
  });

  it('is refused on an ordinary Saturday', async () => {
    const token = await as(12);
    await t.setClock(sh('2026-10-17', '07:30:00'), true);
    expect((await t.ok('reading.today', {}, token)).workday).toBe(false);
    await t.ok('reading.open', { readingId: ids['2026-10-17'] }, token);
    await t.setClock(sh('2026-10-17', '07:32:00'), true);
    expect(ruleOf(await t.call('checkin.submit', { readingId: ids['2026-10-17'] }, token))).toBe('workday');
  });

  it("follows the unit's calendar.set over an official day, and the official day again after calendar.clear", async () => {
    await t.ok('calendar.set', { date: '2026-10-01', workday: true, note: '本单位值班' }, admin);
    const token = await as(13);
    await t.setClock(sh('2026-10-01', '07:30:00'), true);
    expect(await t.ok('reading.today', {}, token)).toMatchObject({ workday: true, calendarNote: '本单位值班' });
    await t.ok('reading.open', { readingId: ids['2026-10-01'] }, token);
    await t.setClock(sh('2026-10-01', '07:32:00'), true);
    expect((await t.ok('checkin.submit', { readingId: ids['2026-10-01'] }, token)).checkin.date).toBe('2026-10-01');

    await t.ok('calendar.clear', { date: '2026-10-01' }, admin);
    const other = await as(14);
    await t.ok('reading.open', { readingId: ids['2026-10-01'] }, other);
    await t.setClock(sh('2026-10-01', '07:34:00'), true);
    expect(ruleOf(await t.call('checkin.submit', { readingId: ids['2026-10-01'] }, other))).toBe('workday');

    // And the other way: the unit takes the 调休 Saturday off.
    await t.ok('calendar.set', { date: '2026-10-10', workday: false, note: '本单位不调休' }, admin);
    await t.setClock(sh('2026-10-10', '07:30:00'), true);
    const off = await as(15);
    expect(await t.ok('reading.today', {}, off)).toMatchObject({ workday: false, calendarNote: '本单位不调休' });
    await t.ok('calendar.clear', { date: '2026-10-10' }, admin);
    expect((await t.ok('reading.today', {}, off)).workday).toBe(true);
  });
});

describe('the other rules on the official calendar', () => {
  it('refuse a make-up for a holiday and take one for the workday before it', async () => {
    const token = await as(16);
    await t.setClock(sh('2026-10-02', '10:00:00'), true);
    expect(ruleOf(await t.call('checkin.makeup', { date: '2026-10-01', reason: '外出办事，未能打卡' }, token))).toBe(
      'workday',
    );
    const made = await t.ok('checkin.makeup', { date: '2026-09-30', reason: '外出办事，未能打卡' }, token);
    expect(made.checkin).toMatchObject({ date: '2026-09-30', makeup: true });
  });

  it('keep a streak across the holiday week, count the 调休 Saturday, and judge the honor roll on them', async () => {
    const token = await as(20);
    await readAndCheckIn(t, token, ids['2026-09-30'], '2026-09-30');
    await readAndCheckIn(t, token, ids['2026-10-08'], '2026-10-08');
    await readAndCheckIn(t, token, ids['2026-10-09'], '2026-10-09');
    const saturday = await readAndCheckIn(t, token, ids['2026-10-10'], '2026-10-10');
    // 10-01 had a reading, but as a holiday it neither breaks nor extends the run.
    expect(saturday.streak).toBe(4);

    await t.setClock(sh('2026-10-10', '10:00:00'), true);
    const roll = await t.ok('checkin.honorRoll', { month: '2026-10' }, token);
    // Counted: 10-08, 10-09, 10-10 (10-01 is a holiday, though it had a reading).
    expect(roll).toMatchObject({ workdays: 3, needed: 3 });
    expect(roll.items.map((i) => i.staffNo)).toContain('T0020');

    const calendar = await t.ok('checkin.calendar', { month: '2026-10' }, token);
    const byDate = new Map(calendar.days.map((d) => [d.date, d]));
    expect(byDate.get('2026-10-01')).toMatchObject({ workday: false, state: 'off' });
    expect(byDate.get('2026-10-10')).toMatchObject({ workday: true, state: 'checked' });
  });
});
