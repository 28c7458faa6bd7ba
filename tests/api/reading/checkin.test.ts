import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { countCheckins, publishDays, readAndCheckIn, sh, staffIdOf, withoutSeededReadings } from './support';

// checkin.submit with the dev clock, the process in UTC and the unit in Asia/Shanghai (DESIGN.md §5).
let t: TestServer;
let ids: Record<string, string>;
let admin: string;
const tokens: Record<string, string> = {};
const as = async (n: number) => (tokens[n] ??= await t.login(`demo-T${String(n).padStart(4, '0')}`));

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  admin = await t.login('demo-T0001');
  await t.setClock(sh('2027-03-01', '05:00:00'), true); // Monday before dawn
  // Mon 1 .. Sat 6, Mon 8, Tue 9 (a holiday below), Sat 13 (调休 workday below).
  ids = await publishDays(t, [
    '2027-03-01',
    '2027-03-02',
    '2027-03-03',
    '2027-03-06',
    '2027-03-08',
    '2027-03-09',
    '2027-03-13',
  ]);
  await t.ok('calendar.set', { date: '2027-03-09', workday: false, note: '演示假日' }, admin);
  await t.ok('calendar.set', { date: '2027-03-13', workday: true, note: '调休上班' }, admin);
});
afterAll(() => t.stop());

const ruleOf = (res: Parameters<typeof errorOf>[0]) => {
  const error = errorOf(res);
  expect(res.body.ok).toBe(false);
  return error.details?.rule ?? error.code;
};

describe('a check-in', () => {
  it('at 07:30 Shanghai (23:30 UTC the day before) needs the reading opened for the minimum time', async () => {
    const token = await as(10);
    await t.setClock('2027-02-28T23:30:00Z', true);
    const today = await t.ok('reading.today', {}, token);
    expect(today).toMatchObject({
      date: '2027-03-01',
      workday: true,
      window: { state: 'open' },
      openedAt: null,
      checkin: null,
    });
    expect(today.reading?.id).toBe(ids['2027-03-01']);

    expect(ruleOf(await t.call('checkin.submit', { readingId: ids['2027-03-01'] }, token))).toBe('notOpened');
    const opened = await t.ok('reading.open', { readingId: ids['2027-03-01'] }, token);
    expect(opened).toMatchObject({ openedAt: '2027-02-28T23:30:00.000Z', readyAt: '2027-02-28T23:31:00.000Z' });

    await t.setClock('2027-02-28T23:30:59Z', true);
    const early = await t.call('checkin.submit', { readingId: ids['2027-03-01'] }, token);
    expect(early.status).toBe(422);
    expect(errorOf(early).details).toMatchObject({ rule: 'minReading', secondsLeft: 1 });
    // Opening again does not restart the timer.
    expect((await t.ok('reading.open', { readingId: ids['2027-03-01'] }, token)).already).toBe(true);

    await t.setClock('2027-02-28T23:31:00Z', true);
    const done = await t.ok('checkin.submit', { readingId: ids['2027-03-01'], note: '  收获很大  ' }, token);
    expect(done).toMatchObject({
      streak: 1,
      monthCount: 1,
      checkin: { date: '2027-03-01', makeup: false, note: '收获很大', minutes: 20 },
    });
    expect(done.already).toBeUndefined();

    const again = await t.ok('checkin.submit', { readingId: ids['2027-03-01'], note: '再来一次' }, token);
    expect(again).toMatchObject({ already: true, checkin: { id: done.checkin.id, note: '收获很大' } });
    // Even after the window a repeat answers with the record.
    await t.setClock(sh('2027-03-01', '12:00:00'), true);
    expect((await t.ok('checkin.submit', { readingId: ids['2027-03-01'] }, token)).already).toBe(true);
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0010') })).toBe(1);
  });

  it('is accepted from 06:00:00 up to 09:29:59 and refused at 05:59:59 and 09:30:00', async () => {
    const day = '2027-03-01';
    const open = async (n: number) => {
      await t.setClock(sh(day, '05:00:00'), true);
      await t.ok('reading.open', { readingId: ids[day] }, await as(n));
    };
    const submitAt = async (n: number, time: string) => {
      await t.setClock(sh(day, time), true);
      return t.call('checkin.submit', { readingId: ids[day] }, await as(n));
    };
    await open(11);
    expect(ruleOf(await submitAt(11, '05:59:59'))).toBe('window');
    expect((await submitAt(11, '06:00:00')).status).toBe(200);
    await open(12);
    expect((await submitAt(12, '09:29:59')).status).toBe(200);
    await open(13);
    const late = await submitAt(13, '09:30:00');
    expect(ruleOf(late)).toBe('window');
    expect(errorOf(late).message).toContain('补卡');
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0013') })).toBe(0);
  });

  it('belongs to the local day: 23:59:59 and 00:00:00 fall on two days', async () => {
    const token = await as(14);
    await t.setClock('2027-03-01T15:59:59Z', true);
    expect((await t.ok('reading.today', {}, token)).date).toBe('2027-03-01');
    await t.setClock('2027-03-01T16:00:00Z', true);
    const next = await t.ok('reading.today', {}, token);
    expect(next).toMatchObject({ date: '2027-03-02', window: { state: 'before' } });
    expect(next.reading?.id).toBe(ids['2027-03-02']);
  });

  it('is only for today’s reading', async () => {
    const token = await as(10);
    await t.setClock(sh('2027-03-02', '07:00:00'), true);
    await t.ok('reading.open', { readingId: ids['2027-03-02'] }, token);
    await t.setClock(sh('2027-03-02', '07:05:00'), true);
    expect(ruleOf(await t.call('checkin.submit', { readingId: ids['2027-03-01'] }, token))).toBe('readingDate');
    expect((await t.call('checkin.submit', { readingId: ids['2027-03-03'] }, token)).status).toBe(404); // not yet visible
    expect((await t.call('checkin.submit', { readingId: 'no-such-reading' }, token)).status).toBe(404);
    expect(await countCheckins(t, { date: '2027-03-02' })).toBe(0);
    const streak = await t.ok('checkin.submit', { readingId: ids['2027-03-02'] }, token);
    expect(streak).toMatchObject({ streak: 2, monthCount: 2 });
  });

  it('is refused on a weekend and on a holiday, accepted on a 调休 Saturday', async () => {
    const token = await as(10);
    for (const day of ['2027-03-06', '2027-03-09']) {
      await t.setClock(sh(day, '07:00:00'), true);
      const today = await t.ok('reading.today', {}, token);
      expect(today.workday).toBe(false);
      await t.ok('reading.open', { readingId: ids[day] }, token);
      await t.setClock(sh(day, '07:05:00'), true);
      expect(ruleOf(await t.call('checkin.submit', { readingId: ids[day] }, token))).toBe('workday');
    }
    expect((await t.ok('reading.today', {}, token)).calendarNote).toBe('演示假日');
    const sat = await readAndCheckIn(t, token, ids['2027-03-13'], '2027-03-13');
    expect(sat.checkin.date).toBe('2027-03-13');
    // 3-03 was missed: the run is 3-13 only (3-08 missed too, 3-09 was a holiday).
    expect(sat.streak).toBe(1);
  });

  it('takes a note up to the unit’s limit and refuses a longer or unclean one, storing nothing', async () => {
    const token = await as(15);
    const day = '2027-03-08';
    await t.setClock(sh(day, '07:00:00'), true);
    await t.ok('reading.open', { readingId: ids[day] }, token);
    await t.setClock(sh(day, '07:02:00'), true);
    const long = await t.call('checkin.submit', { readingId: ids[day], note: '长'.repeat(501) }, token);
    expect(long.status).toBe(400);
    expect(errorOf(long)).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'note' }] } });
    const huge = await t.post('checkin.submit', { readingId: ids[day], note: '长'.repeat(2001) }, token);
    expect(huge.status).toBe(400);
    const dirty = await t.call('checkin.submit', { readingId: ids[day], note: '谈谈赌博' }, token);
    expect(errorOf(dirty).details).toMatchObject({ rule: 'content', field: 'note' });
    await t.ok('settings.update', { noteMaxLength: 10 }, admin);
    expect(
      (await t.call('checkin.submit', { readingId: ids[day], note: '十一个字的心得体会呀呀' }, token)).status,
    ).toBe(400);
    expect(await countCheckins(t, { staffId: await staffIdOf(t, 'T0015') })).toBe(0);
    await t.ok('settings.update', { noteMaxLength: 500 }, admin);
    expect(
      (await t.ok('checkin.submit', { readingId: ids[day], note: '长'.repeat(500) }, token)).checkin.note,
    ).toHaveLength(500);
  });

  it('says when there is no reading today, and refuses malformed input', async () => {
    const token = await as(16);
    await t.setClock(sh('2027-03-10', '07:00:00'), true);
    const today = await t.ok('reading.today', {}, token);
    expect(today).toMatchObject({ date: '2027-03-10', workday: true, reading: null });
    for (const body of [
      {},
      { readingId: '' },
      { readingId: 5 },
      { readingId: 'x', note: 3 },
      { readingId: 'x', extra: true },
    ]) {
      expect((await t.post('checkin.submit', body, token)).status).toBe(400);
    }
    expect((await t.post('checkin.submit', '{not json', token)).status).toBe(400);
  });
});
