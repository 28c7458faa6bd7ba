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
  const OFFICIAL_HOLIDAY = { workday: false, name: '国庆节' };
  const OFFICIAL_WORKDAY = { workday: true, name: '国庆节' };

  it('comes with the official schedule (国庆 off, its 调休 Saturday on) over Monday–Friday', async () => {
    const cal = await t.ok('calendar.month', { month: '2026-10' }, admin);
    expect(cal.officialKnown).toBe(true);
    const { days } = cal;
    expect(days).toHaveLength(31);
    expect(days[0]).toEqual({
      date: '2026-10-01', // Thursday
      workday: false,
      override: false,
      source: 'official',
      official: OFFICIAL_HOLIDAY,
    });
    expect(days[9]).toEqual({
      date: '2026-10-10', // Saturday
      workday: true,
      override: false,
      source: 'official',
      official: OFFICIAL_WORKDAY,
    });
    expect(days[11]).toEqual({ date: '2026-10-12', workday: true, override: false, source: 'weekday' }); // Monday
    expect(days[16]).toEqual({ date: '2026-10-17', workday: false, override: false, source: 'weekday' }); // Saturday
  });

  it('is Monday–Friday in a year the schedule does not cover yet', async () => {
    const cal = await t.ok('calendar.month', { month: '2099-10' }, admin);
    expect(cal.officialKnown).toBe(false);
    expect(cal.days[0]).toEqual({ date: '2099-10-01', workday: true, override: false, source: 'weekday' });
  });

  it('lets the unit override an official day both ways, visible to every member', async () => {
    await t.ok('calendar.set', { date: '2026-10-06', workday: true, note: '值班上班' }, admin);
    await t.ok('calendar.set', { date: '2026-10-10', workday: false, note: '本单位不调休' }, admin);
    await t.ok('calendar.set', { date: '2026-10-24', workday: true, note: '加班' }, admin);
    const { days } = await t.ok('calendar.month', { month: '2026-10' }, await t.login('demo-T0009'));
    expect(days[5]).toEqual({
      date: '2026-10-06',
      workday: true,
      override: true,
      source: 'unit',
      official: OFFICIAL_HOLIDAY,
      note: '值班上班',
    });
    expect(days[9]).toMatchObject({ workday: false, source: 'unit', official: OFFICIAL_WORKDAY });
    expect(days[23]).toEqual({ date: '2026-10-24', workday: true, override: true, source: 'unit', note: '加班' });
  });

  it('returns a day to the official schedule with calendar.clear, or by setting it to what the schedule says', async () => {
    await t.ok('calendar.set', { date: '2026-10-02', workday: true, note: '值班' }, admin);
    const cleared = await t.ok('calendar.clear', { date: '2026-10-02' }, admin);
    expect(cleared).toEqual({
      date: '2026-10-02',
      workday: false,
      override: false,
      source: 'official',
      official: OFFICIAL_HOLIDAY,
    });
    expect((await t.ok('calendar.month', { month: '2026-10' }, admin)).days[1]).toEqual(cleared);
    // Clearing a day without an entry changes nothing and is harmless.
    expect(await t.ok('calendar.clear', { date: '2026-10-02' }, admin)).toEqual(cleared);

    // A note keeps an entry even when it agrees with the schedule; without a note it goes.
    await t.ok('calendar.set', { date: '2026-10-02', workday: false, note: '国庆假期' }, admin);
    let day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[1];
    expect(day).toMatchObject({ workday: false, override: true, source: 'unit', note: '国庆假期' });
    await t.ok('calendar.set', { date: '2026-10-02', workday: false }, admin);
    day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[1];
    expect(day).toMatchObject({ workday: false, override: false, source: 'official' });

    // Outside the schedule, Monday–Friday is the base.
    await t.ok('calendar.set', { date: '2026-10-13', workday: false }, admin);
    await t.ok('calendar.set', { date: '2026-10-13', workday: true }, admin);
    day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[12];
    expect(day).toEqual({ date: '2026-10-13', workday: true, override: false, source: 'weekday' });
  });

  it('audits calendar.clear and refuses it to non-admins and with bad input', async () => {
    await t.ok('calendar.clear', { date: '2026-10-05' }, admin);
    const audit = await t.ok('audit.list', { action: 'calendar.clear' }, admin);
    expect(audit.items[0]).toMatchObject({ action: 'calendar.clear', target: 'date:2026-10-05' });
    expect((await t.post('calendar.clear', { date: '2026-10-05' }, await t.login('demo-T0004'))).status).toBe(403);
    for (const input of [{}, { date: '2026-02-30' }, { date: '2026-10-05', workday: true }]) {
      expect((await t.post('calendar.clear', input, admin)).status).toBe(400);
    }
  });

  it('checks the note every member will see (RULE content), storing nothing', async () => {
    const res = await t.post('calendar.set', { date: '2026-10-14', workday: false, note: '赌博日' }, admin);
    expect(res.status).toBe(422);
    expect(errorOf(res).details).toMatchObject({ rule: 'content', field: 'note' });
    const day = (await t.ok('calendar.month', { month: '2026-10' }, admin)).days[13];
    expect(day).toEqual({ date: '2026-10-14', workday: true, override: false, source: 'weekday' });
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
