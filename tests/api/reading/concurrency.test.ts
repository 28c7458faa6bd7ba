import { departmentDays, departmentMonths } from '../../../server/features/reading/counters';
import { startTestServer, type TestServer } from '../support/harness';
import { publishDays, sh, staffIdOf, withoutSeededReadings } from './support';

// One check-in per member and day under any concurrency; counters equal a recount (DESIGN.md §8).
let t: TestServer;
let ids: Record<string, string>;
const tokens: Record<string, string> = {};
const as = async (n: number) => (tokens[n] ??= await t.login(`demo-T${String(n).padStart(4, '0')}`));

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  await t.setClock(sh('2027-03-01', '05:00:00'), true);
  ids = await publishDays(t, ['2027-03-01', '2027-03-02']);
});
afterAll(() => t.stop());

type Tally = Record<string, Record<string, number>>;

/** The counters as they would be if rebuilt from the check-in records. */
async function recount(month: string) {
  const records = await t.server.store.collection('checkins').find({ month }, { limit: 1000 });
  const months: Tally = {};
  const days: Tally = {};
  const depts: Tally = {};
  const people = new Map<string, Set<string>>();
  const add = (tally: Tally, key: string, values: Record<string, number>) => {
    tally[key] ??= {};
    for (const [k, v] of Object.entries(values)) tally[key][k] = (tally[key][k] ?? 0) + v;
  };
  for (const c of records) {
    const makeups = c.makeup ? 1 : 0;
    add(months, `${c.month}:${c.staffId}`, { checkins: 1, makeups, minutes: c.minutes });
    add(days, `${c.date}:${c.department}`, { checkins: 1, makeups });
    add(depts, `${c.month}:${c.department}`, { checkins: 1, makeups });
    people.set(c.department, (people.get(c.department) ?? new Set()).add(c.staffId));
  }
  for (const [dept, staff] of people) depts[`${month}:${dept}`].participants = staff.size;
  return { records: records.length, months, days, depts };
}

async function counters(month: string) {
  const store = t.server.store;
  const pick = <D extends { _id: string }>(docs: D[], fields: (keyof D)[]): Tally =>
    Object.fromEntries(docs.map((d) => [d._id, Object.fromEntries(fields.map((f) => [f, d[f] as number]))]));
  return {
    months: pick(await store.collection('checkinMonths').find({ month }, { limit: 1000 }), [
      'checkins',
      'makeups',
      'minutes',
    ]),
    // A department's counters are shards (server/features/reading/counters.ts): what they say is their sum.
    days: pick(departmentDays(await store.collection('checkinDays').find({ month }, { limit: 1000 })), [
      'checkins',
      'makeups',
    ]),
    depts: pick(departmentMonths(await store.collection('checkinDeptMonths').find({ month }, { limit: 1000 })), [
      'checkins',
      'makeups',
      'participants',
    ]),
  };
}

describe('under concurrency', () => {
  it('50 simultaneous identical check-ins give one record, and every answer names it', async () => {
    const token = await as(10);
    await t.setClock(sh('2027-03-01', '07:00:00'), true);
    await t.ok('reading.open', { readingId: ids['2027-03-01'] }, token);
    await t.setClock(sh('2027-03-01', '07:05:00'), true);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.call('checkin.submit', { readingId: ids['2027-03-01'] }, token)),
    );
    const answers = results.map((r) => (r.body.ok ? r.body.data : null));
    expect(answers.every((a) => a !== null)).toBe(true);
    expect(answers.filter((a) => !a?.already)).toHaveLength(1);
    expect(new Set(answers.map((a) => a?.checkin.id)).size).toBe(1);
    const staffId = await staffIdOf(t, 'T0010');
    expect(await t.server.store.collection('checkins').count({ staffId, date: '2027-03-01' })).toBe(1);
    expect((await t.server.store.collection('checkinMonths').get(`2027-03:${staffId}`))?.checkins).toBe(1);
  });

  it('keeps every counter equal to a recount of the records after a burst of check-ins and make-ups', async () => {
    const staff = Array.from({ length: 27 }, (_, i) => i + 4); // T0004..T0030
    await t.setClock(sh('2027-03-02', '07:00:00'), true);
    for (const n of staff) await t.ok('reading.open', { readingId: ids['2027-03-02'] }, await as(n));
    await t.setClock(sh('2027-03-02', '07:05:00'), true);
    const submits = staff.flatMap((n) =>
      [0, 1].map(async () => t.call('checkin.submit', { readingId: ids['2027-03-02'] }, await as(n))),
    );
    const makeups = staff
      .filter((n) => n !== 10)
      .slice(0, 14)
      .flatMap((n) =>
        [0, 1].map(async () => t.call('checkin.makeup', { date: '2027-03-01', reason: '昨日外出' }, await as(n))),
      );
    const results = await Promise.all([...submits, ...makeups]);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);

    const truth = await recount('2027-03');
    expect(truth.records).toBe(1 + 27 + 14);
    const kept = await counters('2027-03');
    expect(kept.months).toEqual(truth.months);
    expect(kept.days).toEqual(truth.days);
    expect(kept.depts).toEqual(truth.depts);
    // A department's check-ins of a day are spread over its four shards: 42 check-ins on about ten
    // department-days, each all on one document, would happen about once in 4^32 runs.
    const stored = await t.server.store.collection('checkinDays').find({ month: '2027-03' }, { limit: 1000 });
    expect(stored.length).toBeGreaterThan(Object.keys(truth.days).length);

    const p = await t.ok('checkin.participation', { month: '2027-03' }, await as(2));
    expect(p.total).toMatchObject({ checkins: truth.records, makeups: 14, participants: 27 });
    expect(p.days.map((d) => d.checkins)).toEqual([15, 27]);
  });
});
