import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createEvent, eventInput, MONDAY_0900 } from './support';

/** Organizer and member rules of volunteer events; every refusal is coded and changes nothing. */

let t: TestServer;
let organizer: string;
const tok: Record<string, string> = {};
const member = (no: string) => tok[no];

beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_0900, true);
  organizer = await t.login('demo-T0003');
  for (let n = 13; n <= 30; n++) {
    const no = `T00${n}`;
    tok[no] = await t.login(`demo-${no}`);
  }
});
afterAll(() => t.stop());

const get = (eventId: string, who = organizer) => t.ok('volunteer.event.get', { eventId }, who);
const inboxKinds = async (no: string) => (await t.ok('inbox.list', {}, member(no))).items.map((m) => m.kind);

describe('creating and editing events', () => {
  it('is for organizers, checks times and sizes, and stores nothing on refusal', async () => {
    const before = await t.server.store.collection('volunteerEvents').count({});
    expect(errorOf(await t.call('volunteer.event.create', eventInput(), member('T0013'))).code).toBe('FORBIDDEN');
    const backwards = await t.call(
      'volunteer.event.create',
      eventInput({ endAt: '2026-03-05T08:00:00+08:00' }),
      organizer,
    );
    expect(errorOf(backwards)).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'endAt' }] } });
    const late = await t.call(
      'volunteer.event.create',
      eventInput({ signupDeadline: '2026-03-05T10:00:00+08:00' }),
      organizer,
    );
    expect(errorOf(late).details?.fields?.[0].field).toBe('signupDeadline');
    const times = { startAt: '2026-03-01T09:00:00+08:00', endAt: '2026-03-01T10:00:00+08:00', plannedHours: 1 };
    const past = await t.call(
      'volunteer.event.create',
      eventInput({ ...times, signupDeadline: '2026-02-28T10:00:00+08:00' }),
      organizer,
    );
    expect(errorOf(past).details?.rule).toBe('startInPast');
    const closed = await t.call(
      'volunteer.event.create',
      eventInput({ signupDeadline: '2026-03-02T08:00:00+08:00' }),
      organizer,
    );
    expect(errorOf(closed).details?.rule).toBe('deadlineInPast');
    const noZone = await t.call('volunteer.event.create', eventInput({ startAt: '2026-03-05T09:00:00' }), organizer);
    expect(errorOf(noZone).code).toBe('INVALID_INPUT');
    for (const bad of [
      { capacity: 0 },
      { capacity: 2.5 },
      { capacity: 100000 },
      { title: 'x'.repeat(41) },
      { plannedHours: 4 },
    ]) {
      expect((await t.post('volunteer.event.create', eventInput(bad as never), organizer)).status).toBe(400);
    }
    const hostile = await t.post('volunteer.event.create', { ...eventInput(), secret: 'x' }, organizer);
    expect(hostile.status).toBe(400);
    expect(await t.server.store.collection('volunteerEvents').count({})).toBe(before);
  });

  it('defaults the planned hours to the length, rounded down to the half hour', async () => {
    const id = await createEvent(t, organizer, { plannedHours: undefined, endAt: '2026-03-05T11:50:00+08:00' });
    expect((await get(id)).event.plannedHours).toBe(2.5);
  });

  it('refuses a capacity below the confirmed count and changes nothing; raising it promotes', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 2 });
    for (const no of ['T0013', 'T0014', 'T0015']) await t.ok('volunteer.signup', { eventId }, member(no));
    const res = await t.call('volunteer.event.update', { eventId, capacity: 1, title: '新名称' }, organizer);
    expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'capacityBelowConfirmed' } });
    expect((await get(eventId)).event).toMatchObject({ capacity: 2, confirmedCount: 2, title: '特教学校陪伴阅读' });
    const raised = await t.ok('volunteer.event.update', { eventId, capacity: 3 }, organizer);
    expect(raised.event).toMatchObject({ capacity: 3, seatsLeft: 0, confirmedCount: 3, waitingCount: 0 });
    expect(await inboxKinds('T0015')).toContain('volunteer.promoted');
  });

  it('tells signed-up people when the time or place changes', async () => {
    const eventId = await createEvent(t, organizer);
    await t.ok('volunteer.signup', { eventId }, member('T0016'));
    await t.ok(
      'volunteer.event.update',
      { eventId, place: '市特殊教育学校西门', startAt: '2026-03-05T09:30:00+08:00' },
      organizer,
    );
    const inbox = await t.ok('inbox.list', {}, member('T0016'));
    expect(inbox.items[0]).toMatchObject({
      kind: 'volunteer.changed',
      link: `/subpackages/volunteer/event/index?id=${eventId}`,
    });
    expect(inbox.items[0].body).toContain('09:30');
  });
});

describe('signing up and cancelling', () => {
  it('a freed seat promotes the first waiter, who is told; places move up', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 1 });
    expect(await t.ok('volunteer.signup', { eventId }, member('T0017'))).toMatchObject({ status: 'confirmed' });
    expect(await t.ok('volunteer.signup', { eventId }, member('T0018'))).toMatchObject({
      status: 'waitlisted',
      position: 1,
    });
    expect(await t.ok('volunteer.signup', { eventId }, member('T0019'))).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    const full = await get(eventId, member('T0020'));
    expect(full.event).toMatchObject({ seatsLeft: 0, waitingCount: 2, phase: 'open', mine: null });
    await t.ok('volunteer.cancel', { eventId }, member('T0017'));
    expect((await get(eventId, member('T0018'))).event.mine).toMatchObject({ status: 'confirmed' });
    expect((await get(eventId, member('T0019'))).event.mine).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await get(eventId, member('T0017'))).event.mine).toMatchObject({ status: 'cancelled' });
    const notice = (await t.ok('inbox.list', {}, member('T0018'))).items.find((m) => m.kind === 'volunteer.promoted');
    expect(notice?.title).toContain('特教学校陪伴阅读');
    expect(await t.ok('volunteer.cancel', { eventId }, member('T0017'))).toMatchObject({ already: true });
    // Signing up again after a cancel is a new entry at the back of the queue.
    expect(await t.ok('volunteer.signup', { eventId }, member('T0017'))).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });
    expect((await get(eventId, member('T0017'))).event.mine).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('refuses a cancel by someone not signed up, and any cancel after the deadline', async () => {
    const eventId = await createEvent(t, organizer);
    await t.ok('volunteer.signup', { eventId }, member('T0020'));
    expect(errorOf(await t.call('volunteer.cancel', { eventId }, member('T0021'))).details?.rule).toBe('notSignedUp');
    await t.setClock('2026-03-04T10:00:00.000Z', true); // 18:00 in Shanghai: the deadline
    const late = await t.call('volunteer.cancel', { eventId }, member('T0020'));
    expect(errorOf(late)).toMatchObject({ code: 'RULE', details: { rule: 'cancelDeadline' } });
    expect((await get(eventId, member('T0020'))).event.mine?.status).toBe('confirmed');
    const closed = await t.call('volunteer.signup', { eventId }, member('T0021'));
    expect(errorOf(closed).details?.rule).toBe('signupClosed');
    // Asking again for one's own seat is answered, deadline or not.
    expect(await t.ok('volunteer.signup', { eventId }, member('T0020'))).toMatchObject({
      status: 'confirmed',
      already: true,
    });
    await t.setClock('2026-03-05T05:00:00.000Z', true);
    expect(errorOf(await t.call('volunteer.signup', { eventId }, member('T0021'))).details?.rule).toBe('eventFinished');
    expect((await get(eventId)).event.phase).toBe('finished');
    await t.setClock(MONDAY_0900, true);
  });

  it('the deadline is exact to the millisecond, in Shanghai time while the server runs in UTC', async () => {
    const eventId = await createEvent(t, organizer);
    await t.setClock('2026-03-04T09:59:59.999Z', true); // 17:59:59.999 in Shanghai
    expect((await t.ok('volunteer.signup', { eventId }, member('T0022'))).status).toBe('confirmed');
    await t.setClock('2026-03-04T10:00:00.000Z', true);
    expect(errorOf(await t.call('volunteer.signup', { eventId }, member('T0023'))).details?.rule).toBe('signupClosed');
    await t.setClock(MONDAY_0900, true);
  });

  it('cancelling an event tells everyone signed up, confirmed or waiting, and closes it', async () => {
    const eventId = await createEvent(t, organizer, { capacity: 1 });
    await t.ok('volunteer.signup', { eventId }, member('T0024'));
    await t.ok('volunteer.signup', { eventId }, member('T0025'));
    expect(errorOf(await t.call('volunteer.event.cancel', { eventId, reason: '' }, organizer)).code).toBe(
      'INVALID_INPUT',
    );
    const staffTry = await t.call('volunteer.event.cancel', { eventId, reason: '天气' }, member('T0024'));
    expect(errorOf(staffTry).code).toBe('FORBIDDEN');
    const done = await t.ok('volunteer.event.cancel', { eventId, reason: '暴雨预警，活动顺延另行通知' }, organizer);
    expect(done).toMatchObject({
      notified: 2,
      event: { phase: 'cancelled', cancelReason: '暴雨预警，活动顺延另行通知' },
    });
    expect(await inboxKinds('T0024')).toContain('volunteer.cancelled');
    expect(await inboxKinds('T0025')).toContain('volunteer.cancelled');
    expect((await t.ok('volunteer.event.cancel', { eventId, reason: '再次' }, organizer)).already).toBe(true);
    expect(errorOf(await t.call('volunteer.signup', { eventId }, member('T0026'))).details?.rule).toBe(
      'eventCancelled',
    );
    expect(errorOf(await t.call('volunteer.cancel', { eventId }, member('T0024'))).details?.rule).toBe(
      'eventCancelled',
    );
    expect(errorOf(await t.call('volunteer.event.update', { eventId, title: '改' }, organizer)).details?.rule).toBe(
      'eventCancelled',
    );
    expect((await get(eventId)).event).toMatchObject({ confirmedCount: 1, waitingCount: 1 });
    const lists = await t.ok('volunteer.events', { status: 'upcoming' }, member('T0024'));
    expect(lists.items.some((e) => e.id === eventId)).toBe(false);
    const mine = await t.ok('volunteer.events', { status: 'mine' }, member('T0024'));
    expect(mine.items.find((e) => e.id === eventId)?.phase).toBe('cancelled');
    const past = await t.ok('volunteer.events', { status: 'past' }, member('T0024'));
    expect(past.items.some((e) => e.id === eventId)).toBe(true);
  });

  it('keeps an event with confirmed hours: it can no longer be cancelled', async () => {
    // Hours confirmed while an event still ran (allowed before this rule): the record is service given.
    const eventId = await createEvent(t, organizer, { capacity: 2 });
    await t.ok('volunteer.signup', { eventId }, member('T0027'));
    const [staff] = await t.server.store.collection('staff').find({ staffNo: 'T0027' }, { limit: 1 });
    const at = new Date(MONDAY_0900).toISOString();
    await t.server.store.collection('volunteerRecords').insert({
      _id: `legacy-${eventId}`,
      eventId,
      staffId: staff._id,
      year: 2026,
      plannedHours: 3,
      signInAt: null,
      signOutAt: null,
      hours: 2,
      computedHours: null,
      note: '现场确认',
      confirmerId: 'x',
      confirmerName: '赵强',
      confirmedAt: at,
      staffName: staff.name,
      staffNo: staff.staffNo,
      department: staff.department,
      eventTitle: '社区服务',
      eventDate: '2026-03-05',
      place: '社区',
      content: '服务',
      unitName: '同心示范单位',
      team: null,
      startAt: at,
      endAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const res = await t.call('volunteer.event.cancel', { eventId, reason: '人数不足' }, organizer);
    expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'hoursConfirmed' } });
    expect((await get(eventId)).event.phase).not.toBe('cancelled');
  });

  it('answers an unknown event with NOT_FOUND and hostile input with 400', async () => {
    expect(errorOf(await t.call('volunteer.signup', { eventId: 'nope' }, member('T0013'))).code).toBe('NOT_FOUND');
    expect((await t.post('volunteer.signup', { eventId: { $gt: '' } }, member('T0013'))).status).toBe(400);
    expect((await t.post('volunteer.events', { status: 'all' }, member('T0013'))).status).toBe(400);
    expect((await t.post('volunteer.confirm', { eventId: 'x', entries: [] }, organizer)).status).toBe(400);
  });
});
