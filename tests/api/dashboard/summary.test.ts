import { findAll } from '../../../server/kernel/paging';
import { recountAll } from '../../../server/features';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createEvent, MONDAY_0900, staffIdOf } from '../volunteer/support';

/**
 * dashboard.summary against a recount of the records themselves: every figure it shows must be what
 * the check-ins, the confirmed services and the roster say, after new hours, a changed confirmation
 * and a no-show recorded as zero hours.
 */

let t: TestServer;
let admin: string;
let organizer: string;

beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_0900, true);
  admin = await t.login('demo-T0001');
  organizer = await t.login('demo-T0003');
});
afterAll(() => t.stop());

/** What the records say for a year: hours and services per month, and who served (hours above zero). */
async function recount(year: number) {
  const records = await findAll(t.server.store.collection('volunteerRecords'), { year });
  const served = records.filter((r) => (r.hours ?? 0) > 0);
  const months = new Map<string, { hours: number; services: number }>();
  for (const r of served) {
    const m = months.get(r.eventDate.slice(0, 7)) ?? { hours: 0, services: 0 };
    m.hours += r.hours ?? 0;
    m.services += 1;
    months.set(r.eventDate.slice(0, 7), m);
  }
  const hours = served.reduce((n, r) => n + (r.hours ?? 0), 0);
  return { months, hours, services: served.length, volunteers: new Set(served.map((r) => r.staffId)).size };
}

async function confirm(eventId: string, entries: { staffId: string; hours: number; note?: string }[]) {
  await t.ok('volunteer.confirm', { eventId, entries }, organizer);
}

describe('dashboard.summary', () => {
  it('equals a recount of the records after confirmations, a change and a no-show', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 5 });
    const members = ['T0021', 'T0022', 'T0023'];
    const ids: string[] = [];
    for (const no of members) {
      ids.push(await staffIdOf(t, no));
      await t.ok('volunteer.signup', { eventId }, await t.login(`demo-${no}`));
    }
    await t.setClock('2026-03-05T05:00:00.000Z', true); // after the event ended (12:00 in Shanghai)
    await confirm(eventId, [
      { staffId: ids[0], hours: 3, note: '组织者核定' },
      { staffId: ids[1], hours: 2.5, note: '组织者核定' },
      { staffId: ids[2], hours: 0, note: '未到场' },
    ]);
    await confirm(eventId, [{ staffId: ids[1], hours: 1.5, note: '提前离开' }]);

    const summary = await t.ok('dashboard.summary', { month: '2026-03' }, admin);
    const expected = await recount(2026);
    const active = await t.server.store.collection('staff').count({ active: true });
    expect(summary.activeMembers).toBe(active);
    expect(summary.volunteer.hours).toBe(expected.hours);
    expect(summary.volunteer.services).toBe(expected.services);
    expect(summary.volunteer.volunteers).toBe(expected.volunteers);
    expect(summary.volunteer.volunteerRate).toBeCloseTo(expected.volunteers / active, 10);
    expect(summary.volunteer.hoursPerPerson).toBeCloseTo(Math.round((expected.hours / active) * 10) / 10, 10);
    expect(summary.volunteer.months).toHaveLength(12);
    for (const m of summary.volunteer.months) {
      expect({ month: m.month, hours: m.hours, services: m.services }).toEqual({
        month: m.month,
        ...(expected.months.get(m.month) ?? { hours: 0, services: 0 }),
      });
    }
    const march = summary.volunteer.months.find((m) => m.month === '2026-03');
    expect(march).toEqual({ month: '2026-03', hours: 4.5, services: 2 });
    expect(summary.volunteer.targetHours).toBe(20);
  });

  it('shows the month participation of checkin.participation, department by department', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const [summary, participation] = await Promise.all([
      t.ok('dashboard.summary', { month }, admin),
      t.ok('checkin.participation', { month }, admin),
    ]);
    expect(summary.reading.workdays).toBe(participation.workdays);
    expect(summary.reading.rate).toBe(participation.total.rate);
    expect(summary.reading.departments.map((d) => [d.department, d.participants, d.rate])).toEqual(
      participation.departments.map((d) => [d.department, d.participants, d.rate]),
    );
    // Participants per department: members whose first check-in of the month was in that department.
    const checkins = await findAll(t.server.store.collection('checkins'), { month }, { at: 1 });
    const first = new Map<string, string>();
    for (const c of checkins) if (!first.has(c.staffId)) first.set(c.staffId, c.department);
    for (const d of summary.reading.departments) {
      expect(d.participants).toBe([...first.values()].filter((x) => x === d.department).length);
    }
  });

  it('counts what is open and unanswered, and follows the unit target', async () => {
    await t.ok('settings.update', { volunteerHoursTarget: 12 }, admin);
    const summary = await t.ok('dashboard.summary', { month: '2026-03' }, admin);
    expect(summary.volunteer.targetHours).toBe(12);
    const now = new Date(MONDAY_0900).toISOString();
    const store = t.server.store;
    const open = {
      rounds: await store
        .collection('honorRounds')
        .count({ phase: { in: ['nominating', 'reviewing', 'voting', 'publicity'] } }),
      events: await store.collection('volunteerEvents').count({ status: 'active', endAt: { gt: now } }),
      activities: await store.collection('activities').count({ status: 'active', endAt: { gt: now } }),
    };
    await t.setClock(MONDAY_0900, true);
    const again = await t.ok('dashboard.summary', { month: '2026-03' }, admin);
    expect(again.open).toEqual(open);
    expect(again.open.rounds).toBeGreaterThan(0);
    expect(again.mailbox.unanswered).toBe(await store.collection('mailbox').count({ status: 'open' }));
  });

  it('is for admins only and refuses a malformed month', async () => {
    for (const who of ['demo-T0002', 'demo-T0003', 'demo-T0008']) {
      const res = await t.call('dashboard.summary', { month: '2026-03' }, await t.login(who));
      expect(res.status).toBe(403);
    }
    for (const month of ['2026-13', '2026-3', '', 202603]) {
      const res = await t.post('dashboard.summary', { month }, admin);
      expect(res.status).toBe(400);
      expect(errorOf(res).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the volunteer counters of a store written before they existed', () => {
  it('are rebuilt by the recount, and a second recount changes nothing', async () => {
    const store = t.server.store;
    const before = await t.ok('dashboard.summary', { month: '2026-03' }, admin);
    await store.collection('volunteerMonths').remove({});
    await store.collection('volunteerYears').remove({});
    const lines = await recountAll(store, { now: new Date(MONDAY_0900), all: true });
    expect(lines.some((l) => l.startsWith('volunteer: volunteerMonths 2026-03'))).toBe(true);
    expect(await t.ok('dashboard.summary', { month: '2026-03' }, admin)).toEqual(before);
    expect(
      (await recountAll(store, { now: new Date(MONDAY_0900), all: true })).filter((l) => l.startsWith('volunteer')),
    ).toEqual([]);
  });
});
