import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createEvent, currentCode, MONDAY_0900, staffIdOf } from './support';

/** Nobody confirms their own hours, admins included: another organizer or an admin does. */
let t: TestServer;
afterAll(() => t.stop());

it('refuses an organizer’s and an admin’s own hours (RULE selfConfirm), and takes them from the other', async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_0900, true);
  const organizer = await t.login('demo-T0003');
  const admin = await t.login('demo-T0001');
  const eventId = await createEvent(t, organizer);
  for (const who of [organizer, admin]) await t.ok('volunteer.signup', { eventId }, who);
  for (const [action, at] of [
    ['volunteer.signin', '2026-03-05T01:00:00.000Z'],
    ['volunteer.signout', '2026-03-05T04:00:00.000Z'],
  ] as const) {
    await t.setClock(at, true);
    const code = await currentCode(t, organizer, eventId);
    for (const who of [organizer, admin]) await t.ok(action, { eventId, code }, who);
  }
  await t.setClock('2026-03-05T06:00:00.000Z', true);
  const [organizerId, adminId] = [await staffIdOf(t, 'T0003'), await staffIdOf(t, 'T0001')];

  for (const [who, staffId] of [
    [organizer, organizerId],
    [admin, adminId],
  ]) {
    const own = await t.call('volunteer.confirm', { eventId, entries: [{ staffId, hours: 3 }] }, who);
    expect(own.status).toBe(422);
    expect(errorOf(own)).toMatchObject({ code: 'RULE', details: { rule: 'selfConfirm' } });
    expect(errorOf(own).message).toMatch(/不能确认自己/);
  }
  // One's own row in a batch stops the whole batch: nothing is confirmed.
  const batch = await t.call(
    'volunteer.confirm',
    {
      eventId,
      entries: [
        { staffId: adminId, hours: 3 },
        { staffId: organizerId, hours: 3 },
      ],
    },
    organizer,
  );
  expect(errorOf(batch).details?.rule).toBe('selfConfirm');
  const rows = (await t.ok('volunteer.attendance', { eventId }, admin)).rows;
  expect(rows.map((r) => r.hours)).toEqual([null, null]);

  await t.ok('volunteer.confirm', { eventId, entries: [{ staffId: adminId, hours: 3 }] }, organizer);
  await t.ok('volunteer.confirm', { eventId, entries: [{ staffId: organizerId, hours: 3 }] }, admin);
  expect((await t.ok('volunteer.records', { year: 2026 }, organizer)).totalHours).toBe(3);
  expect((await t.ok('volunteer.records', { year: 2026 }, admin)).totalHours).toBe(3);
});
