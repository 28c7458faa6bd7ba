import { errorOf, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('demo-T0001');
});
afterAll(() => t.stop());

describe('settings', () => {
  it('starts at the defaults of DESIGN.md §5', async () => {
    expect(await t.ok('settings.get', {}, admin)).toMatchObject({
      timeZone: 'Asia/Shanghai',
      readingWindowStart: '06:00',
      readingWindowEnd: '09:30',
      minReadingSeconds: 60,
      studyMinutesPerCheckin: 20,
      makeupsPerMonth: 2,
      makeupDaysBack: 3,
      noteMaxLength: 500,
      honorRollThreshold: 0.9,
      rankingMode: 'honor-roll',
    });
  });

  it('updates part of the settings, keeps the rest, and shows them to every member', async () => {
    const next = await t.ok('settings.update', { minReadingSeconds: 90, rankingMode: 'off' }, admin);
    expect(next).toMatchObject({ minReadingSeconds: 90, rankingMode: 'off', readingWindowEnd: '09:30' });
    const member = await t.ok('session.me', {}, await t.login('demo-T0008'));
    expect(member.settings).toMatchObject({ minReadingSeconds: 90, rankingMode: 'off' });
  });

  it('refuses incoherent or malformed settings and changes nothing', async () => {
    const before = await t.ok('settings.get', {}, admin);
    for (const input of [
      { readingWindowStart: '10:00', readingWindowEnd: '09:00' },
      { readingWindowEnd: '25:00' },
      { timeZone: 'Mars/Olympus' },
      { honorRollThreshold: 1.5 },
      { minReadingSeconds: -1 },
      { minReadingSeconds: '60' },
      { rankingMode: 'points' },
      { secret: 1 },
    ]) {
      const res = await t.post('settings.update', input, admin);
      expect([JSON.stringify(input), res.status]).toEqual([JSON.stringify(input), 400]);
      expect(errorOf(res).code).toBe('INVALID_INPUT');
    }
    expect(await t.ok('settings.get', {}, admin)).toEqual(before);
  });
});

describe('workday calendar', () => {
  it('shows Monday–Friday as workdays by default', async () => {
    const { days } = await t.ok('calendar.month', { month: '2026-10' }, admin);
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual({ date: '2026-10-01', workday: true, override: false }); // Thursday
    expect(days[2]).toEqual({ date: '2026-10-03', workday: false, override: false }); // Saturday
  });

  it('marks holidays off and 调休 Saturdays on, visible to every member', async () => {
    await t.ok('calendar.set', { date: '2026-10-01', workday: false, note: '国庆节' }, admin);
    await t.ok('calendar.set', { date: '2026-10-10', workday: true, note: '调休上班' }, admin);
    const { days } = await t.ok('calendar.month', { month: '2026-10' }, await t.login('demo-T0009'));
    expect(days[0]).toEqual({ date: '2026-10-01', workday: false, override: true, note: '国庆节' });
    expect(days[9]).toEqual({ date: '2026-10-10', workday: true, override: true, note: '调休上班' });
  });

  it('clears a note, and setting a day back to its default removes the override', async () => {
    await t.ok('calendar.set', { date: '2026-10-02', workday: false, note: '国庆节' }, admin);
    await t.ok('calendar.set', { date: '2026-10-02', workday: false }, admin);
    let day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[1];
    expect(day).toEqual({ date: '2026-10-02', workday: false, override: true });
    await t.ok('calendar.set', { date: '2026-10-02', workday: true }, admin);
    day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[1];
    expect(day).toEqual({ date: '2026-10-02', workday: true, override: false });
  });

  it('checks the note every member will see (RULE content), storing nothing', async () => {
    const res = await t.post('calendar.set', { date: '2026-10-05', workday: false, note: '赌博日' }, admin);
    expect(res.status).toBe(422);
    expect(errorOf(res).details).toMatchObject({ rule: 'content', field: 'note' });
    const day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[4];
    expect(day).toEqual({ date: '2026-10-05', workday: true, override: false });
  });

  it('refuses impossible dates and months', async () => {
    for (const input of [
      { date: '2026-02-30', workday: false },
      { date: '2026-13-01', workday: false },
      { date: '20261001', workday: false },
      { date: '2026-10-01', workday: 'no' },
      { date: '2026-10-01', workday: false, note: '长'.repeat(51) },
    ]) {
      expect((await t.post('calendar.set', input, admin)).status).toBe(400);
    }
    expect((await t.post('calendar.month', { month: '2026-00' }, admin)).status).toBe(400);
  });
});
