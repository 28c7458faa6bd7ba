import { startTestServer, type TestServer } from '../support/harness';
import { createEvent, manyMembers, MONDAY_0900 } from './support';

/** DESIGN.md §8: seats are never exceeded and the waitlist stays dense under concurrent requests. */
jest.setTimeout(120_000);

let t: TestServer;
let organizer: string;
let crowd: { id: string; token: string }[];

beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_0900, true);
  organizer = await t.login('demo-T0003');
  crowd = await manyMembers(t, 'load', 200);
});
afterAll(() => t.stop());

async function roster(eventId: string) {
  return t.ok('volunteer.attendance', { eventId }, organizer);
}

describe('sign-ups under concurrency', () => {
  it('200 concurrent sign-ups from 200 people for 20 seats: exactly 20 confirmed, 180 waitlisted at 1..180', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 20 });
    const answers = await Promise.all(crowd.map((p) => t.call('volunteer.signup', { eventId }, p.token)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const data = answers.map((a) => (a.body.ok ? a.body.data : null));
    expect(data.filter((d) => d?.status === 'confirmed')).toHaveLength(20);
    const positions = data.filter((d) => d?.status === 'waitlisted').map((d) => d?.position ?? 0);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

    const { event, rows } = await roster(eventId);
    expect(event).toMatchObject({ capacity: 20, seatsLeft: 0, confirmedCount: 20, waitingCount: 180 });
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20);
    // What each person was told is still their place.
    const told = new Map(crowd.map((p, i) => [p.id, data[i]?.position]));
    for (const row of rows.filter((r) => r.status === 'waitlisted')) expect(row.position).toBe(told.get(row.staffId));
  });

  it('the same person signing up 10 times at once holds one entry', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 3 });
    const [me] = crowd;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.ok('volunteer.signup', { eventId }, me.token)),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set(['confirmed']));
    expect(answers.filter((a) => !a.already)).toHaveLength(1);
    const { event, rows } = await roster(eventId);
    expect(rows).toHaveLength(1);
    expect(event).toMatchObject({ seatsLeft: 2, confirmedCount: 1 });
  });

  it('50 interleaved cancels and sign-ups keep seats + confirmed = capacity, and nobody jumps the queue', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 10 });
    const first = crowd.slice(0, 40);
    for (const p of first) await t.ok('volunteer.signup', { eventId }, p.token);
    const leaving = first.filter((_, i) => i % 3 === 0).slice(0, 25); // confirmed and waitlisted alike
    const joining = crowd.slice(40, 40 + (50 - leaving.length));
    const cancels = leaving.map((p) => () => t.call('volunteer.cancel', { eventId }, p.token));
    const signups = joining.map((p) => () => t.call('volunteer.signup', { eventId }, p.token));
    // Interleaved: cancel, sign-up, cancel, sign-up, … then the remaining sign-ups; 50 requests in all.
    const order = signups.flatMap((signup, i) => (i < cancels.length ? [cancels[i], signup] : [signup]));
    expect(order).toHaveLength(50);
    const answers = await Promise.all(order.map((op) => op()));
    expect(answers.every((a) => a.status === 200)).toBe(true);

    const { event, rows } = await roster(eventId);
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(event.seatsLeft + confirmed.length).toBe(event.capacity);
    expect(event.confirmedCount).toBe(confirmed.length);
    expect(confirmed).toHaveLength(10);
    expect(waiting).toHaveLength(40 - leaving.length + joining.length - 10);
    expect(waiting.map((r) => r.position)).toEqual(waiting.map((_, i) => i + 1));
    expect(
      rows
        .filter((r) => r.status === 'cancelled')
        .map((r) => r.staffId)
        .sort(),
    ).toEqual(leaving.map((p) => p.id).sort());
    // The original queue went first: every newcomer waits behind every original waiter still waiting.
    const newcomers = new Set(joining.map((p) => p.id));
    const lastOriginal = Math.max(0, ...waiting.filter((r) => !newcomers.has(r.staffId)).map((r) => r.position ?? 0));
    const firstNewcomer = Math.min(...waiting.filter((r) => newcomers.has(r.staffId)).map((r) => r.position ?? 0));
    expect(lastOriginal).toBeLessThan(firstNewcomer);
    expect(confirmed.some((r) => newcomers.has(r.staffId))).toBe(false);
  });
});
