import { startTestServer, type TestServer } from '../support/harness';
import { publishDays, readAndCheckIn, sh, staffIdOf, withoutSeededReadings } from './support';

/**
 * The streak from the run each check-in stores (server/features/reading/records.ts): the same answer
 * as counting the records, from the latest check-in alone, and counted again whenever what it was
 * counted from changed: a past day's calendar entry, a make-up before it.
 */
let t: TestServer;
let ids: Record<string, string>;
let admin: string;
const tokens: Record<string, string> = {};
const as = async (n: number) => (tokens[n] ??= await t.login(`demo-T${String(n).padStart(4, '0')}`));
const streakAt = async (n: number, day: string, time = '10:00:00') => {
  await t.setClock(sh(day, time), true);
  return (await t.ok('reading.today', {}, await as(n))).streak;
};
const checkins = () => t.server.store.collection('checkins');

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  admin = await t.login('demo-T0001');
  await t.setClock(sh('2027-03-01', '05:00:00'), true);
  ids = await publishDays(t, [
    '2027-03-01',
    '2027-03-02',
    '2027-03-03',
    '2027-03-04',
    '2027-03-05',
    '2027-03-08',
    '2027-03-09',
    '2027-03-10',
    '2027-03-11',
    '2027-03-12',
  ]);
});
afterAll(() => t.stop());

async function checkInOn(n: number, days: string[]): Promise<number[]> {
  const streaks: number[] = [];
  for (const day of days) streaks.push((await readAndCheckIn(t, await as(n), ids[day], day)).streak);
  return streaks;
}

describe('the stored run', () => {
  it('is what counting the records says, and answers from the latest check-in alone', async () => {
    expect(await checkInOn(12, ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'])).toEqual([
      1, 2, 3, 4, 5,
    ]);
    const staffId = await staffIdOf(t, 'T0012');
    expect(await checkins().find({ staffId }, { sort: { date: 1 }, limit: 10 })).toEqual(
      [1, 2, 3, 4, 5].map((run) => expect.objectContaining({ run, runRevision: 0 })),
    );
    // Monday, not yet checked in: Friday's run holds over the weekend.
    expect(await streakAt(12, '2027-03-08', '06:10:00')).toBe(5);
    // With the first day's record gone the answer stays 5: Friday's stored run answered, not a
    // walk through every record (the cost no longer follows the length of the run).
    const [first] = await checkins().find({ staffId, date: '2027-03-01' }, { limit: 1 });
    await checkins().remove({ _id: first._id });
    expect(await streakAt(12, '2027-03-08', '06:20:00')).toBe(5);
    await checkins().insert(first);
    // A workday with a reading missed in between ends it; the day being today does not.
    expect(await streakAt(12, '2027-03-09')).toBe(0);
  });

  it('is counted again when a past day of the calendar changes, and kept when a later day does', async () => {
    expect(await checkInOn(13, ['2027-03-01', '2027-03-02', '2027-03-04', '2027-03-05'])).toEqual([1, 2, 1, 2]);
    const staffId = await staffIdOf(t, 'T0013');
    // An entry for a later day cannot change what was counted so far.
    await t.setClock(sh('2027-03-05', '12:00:00'), true);
    await t.ok('calendar.set', { date: '2027-03-19', workday: false, note: '单位活动日' }, admin);
    const [friday] = await checkins().find({ staffId, date: '2027-03-05' }, { limit: 1 });
    expect(friday).toMatchObject({ run: 2, runRevision: 0 });
    expect(await streakAt(13, '2027-03-05', '12:00:00')).toBe(2);

    // The missed Wednesday made a holiday afterwards: the run joins across it.
    await t.ok('calendar.set', { date: '2027-03-03', workday: false, note: '临时调整' }, admin);
    expect(await streakAt(13, '2027-03-05', '12:00:00')).toBe(4);
    const [recounted] = await checkins().find({ staffId, date: '2027-03-05' }, { limit: 1 });
    expect(recounted).toMatchObject({ run: 4, runRevision: 1 });
    // And back: a workday again, missed again.
    await t.ok('calendar.clear', { date: '2027-03-03' }, admin);
    expect(await streakAt(13, '2027-03-05', '12:00:00')).toBe(2);
    // Check-ins written after the change carry the new revision.
    const [monday] = await checkInOn(13, ['2027-03-08']);
    expect(monday).toBe(3);
    expect((await checkins().find({ staffId, date: '2027-03-08' }, { limit: 1 }))[0]).toMatchObject({
      run: 3,
      runRevision: 2,
    });
  });

  it('joins across a day made up later, on the check-ins after it', async () => {
    expect(await checkInOn(14, ['2027-03-08', '2027-03-10', '2027-03-11'])).toEqual([1, 1, 2]);
    await t.setClock(sh('2027-03-11', '10:00:00'), true);
    const made = await t.ok('checkin.makeup', { date: '2027-03-09', reason: '外出培训，未能打卡' }, await as(14));
    expect(made.streak).toBe(4);
    expect(await streakAt(14, '2027-03-11', '11:00:00')).toBe(4);
    expect(await checkInOn(14, ['2027-03-12'])).toEqual([5]);
  });

  it('is counted on first read for records kept before runs were stored', async () => {
    expect(await checkInOn(15, ['2027-03-08', '2027-03-09', '2027-03-10'])).toEqual([1, 2, 3]);
    const staffId = await staffIdOf(t, 'T0015');
    for (const c of await checkins().find({ staffId }, { limit: 10 })) {
      const { run: _run, runRevision: _revision, ...before } = c;
      await checkins().remove({ _id: c._id });
      await checkins().insert(before);
    }
    expect(await streakAt(15, '2027-03-10', '11:00:00')).toBe(3);
    const [latest] = await checkins().find({ staffId, date: '2027-03-10' }, { limit: 1 });
    expect(latest).toMatchObject({ run: 3 });
  });
});
