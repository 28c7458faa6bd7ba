import type { TestServer } from '../support/harness';

/**
 * The demo seed puts readings and check-ins into the real current week; tests that set the clock to
 * their own dates start from an empty reading history instead (the seed has its own test).
 */
export async function withoutSeededReadings(t: TestServer): Promise<void> {
  const store = t.server.store;
  for (const name of [
    'readings',
    'branchReadings',
    'readingOpens',
    'checkins',
    'checkinMonths',
    'checkinDays',
    'checkinDeptMonths',
  ] as const) {
    await store.collection(name).remove({});
  }
}

/** An instant given as Shanghai wall-clock time, e.g. sh('2027-03-01', '07:30:00'). */
export function sh(day: string, time: string): string {
  return `${day}T${time}+08:00`;
}

export async function staffIdOf(t: TestServer, staffNo: string): Promise<string> {
  const [doc] = await t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return doc._id;
}

export const BODY = '第一段：学习要联系实际。\n第二段：抓落实要一抓到底。\n第三段：请结合本岗位想一想。';

/** Publishes readings as the secretary for each day (the clock must be on or before the first). */
export async function publishDays(t: TestServer, days: string[]): Promise<Record<string, string>> {
  const token = await t.login('demo-T0002');
  const ids: Record<string, string> = {};
  for (const date of days) {
    const { reading } = await t.ok('reading.publish', { date, title: `${date} 晨读`, body: BODY }, token);
    ids[date] = reading.id;
  }
  return ids;
}

/** Opens the reading at `time`, then checks in `later` (a time on the same day). */
export async function readAndCheckIn(
  t: TestServer,
  token: string,
  readingId: string,
  day: string,
  time = '07:30:00',
  later = '07:31:00',
) {
  await t.setClock(sh(day, time), true);
  await t.ok('reading.open', { readingId }, token);
  await t.setClock(sh(day, later), true);
  return t.ok('checkin.submit', { readingId }, token);
}

/** Check-ins of the test's month: the demo seed has some of its own in the real current week. */
export async function countCheckins(
  t: TestServer,
  filter: { staffId?: string; date?: string; month?: string },
): Promise<number> {
  return t.server.store.collection('checkins').count({ month: '2027-03', ...filter });
}
