import { startTestServer, type TestServer } from '../support/harness';
import { createEvent, MONDAY_0900, staffIdOf } from './support';

/**
 * Star levels from every year's confirmed hours: earlier years stand in as their hour counters
 * (what years of confirmed records leave), this year's hours are confirmed through the API.
 */
let t: TestServer;
let member: string;
let organizer: string;
let eventId: string;
let memberId: string;
beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_0900, true);
  organizer = await t.login('demo-T0003');
  member = await t.login('demo-T0021');
  memberId = await staffIdOf(t, 'T0021');
  eventId = await createEvent(t, organizer);
  await t.ok('volunteer.signup', { eventId }, member);
  await t.setClock('2026-03-05T06:00:00.000Z', true); // the event has ended
  const at = new Date().toISOString();
  await t.server.store
    .collection('volunteerHours')
    .insert({ _id: `${memberId}:2024`, staffId: memberId, year: 2024, hours: 97, events: 30, updatedAt: at });
});
afterAll(() => t.stop());

const confirm = (hours: number) =>
  t.ok('volunteer.confirm', { eventId, entries: [{ staffId: memberId, hours, note: '按实际时长' }] }, organizer);

describe('volunteer star levels', () => {
  it('has no star at 99.5 hours and tells the half hour still needed', async () => {
    await confirm(2.5);
    const records = await t.ok('volunteer.records', {}, member);
    expect(records).toMatchObject({
      year: 2026,
      totalHours: 2.5,
      cumulativeHours: 99.5,
      stars: 0,
      hoursToNextStar: 0.5,
    });
  });

  it('gives one star at exactly 100 hours, on the records and the certificate', async () => {
    await confirm(3);
    expect(await t.ok('volunteer.records', {}, member)).toMatchObject({
      totalHours: 3,
      cumulativeHours: 100,
      stars: 1,
      hoursToNextStar: 200,
    });
    expect(await t.ok('volunteer.certificate', { year: 2026 }, member)).toMatchObject({
      totalHours: 3,
      cumulativeHours: 100,
      stars: 1,
      hoursToNextStar: 200,
    });
  });

  it('gives five stars at 1,500 hours and no next level', async () => {
    const at = new Date().toISOString();
    await t.server.store
      .collection('volunteerHours')
      .insert({ _id: `${memberId}:2025`, staffId: memberId, year: 2025, hours: 1400, events: 300, updatedAt: at });
    const records = await t.ok('volunteer.records', {}, member);
    expect(records).toMatchObject({ cumulativeHours: 1500, stars: 5, hoursToNextStar: null });
    // A year's records show that year's hours; the stars count every year.
    expect(await t.ok('volunteer.records', { year: 2025 }, member)).toMatchObject({ totalHours: 1400, stars: 5 });
  });
});
