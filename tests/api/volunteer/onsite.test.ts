import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createEvent, currentCode, MONDAY_0900, staffIdOf } from './support';

/**
 * On site: the rotating code (current and previous 30-s window only), repeat scans, and the hours
 * arithmetic of DESIGN.md §5 at its edges, through to records, the yearly total and the certificate.
 * The event runs Thursday 5 March 09:00–12:00 in Shanghai (01:00–04:00 UTC), 3 planned hours.
 */

let t: TestServer;
let organizer: string;
let eventId: string;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const at = (iso: string) => t.setClock(iso, true);

async function scan(action: 'volunteer.signin' | 'volunteer.signout', who: string, when: string) {
  await at(when);
  const code = await currentCode(t, organizer, eventId);
  return t.call(action, { eventId, code }, tokens[who]);
}

beforeAll(async () => {
  t = await startTestServer();
  await at(MONDAY_0900);
  organizer = await t.login('demo-T0003');
  eventId = await createEvent(t, organizer, { capacity: 5 });
  for (const no of ['T0019', 'T0021', 'T0022', 'T0023', 'T0024', 'T0025', 'T0026']) {
    tokens[no] = await t.login(`demo-${no}`);
    ids[no] = await staffIdOf(t, no);
    await t.ok('volunteer.signup', { eventId }, tokens[no]);
  }
});
afterAll(() => t.stop());

describe('the on-site code', () => {
  it('is accepted in its own window and the next one, and refused two windows later', async () => {
    await at('2026-03-05T00:55:00.000Z'); // a window starts here (08:55 in Shanghai)
    const code = await currentCode(t, organizer, eventId);
    await at('2026-03-05T00:55:59.999Z');
    expect(await currentCode(t, organizer, eventId)).not.toBe(code);
    expect((await t.call('volunteer.signin', { eventId, code }, tokens.T0019)).status).toBe(200);
    await at('2026-03-05T00:56:00.000Z');
    const stale = await t.call('volunteer.signin', { eventId, code }, tokens.T0021);
    expect(stale.status).toBe(422);
    expect(errorOf(stale).details?.rule).toBe('code');
    const record = await t.ok('volunteer.event.get', { eventId }, tokens.T0021);
    expect(record.event.mine?.signInAt).toBeNull();
  });

  it('changes every 30 s, is never in what members see, and is refused to members', async () => {
    await at('2026-03-05T01:00:00.000Z');
    const a = await t.ok('volunteer.code', { eventId }, organizer);
    expect(a.code).toMatch(/^\d{6}$/);
    expect(a.payload).toBe(`tongxin:vol:${eventId}:${a.code}`);
    expect(a.refreshInMs).toBe(30_000);
    await at('2026-03-05T01:00:30.000Z');
    expect((await t.ok('volunteer.code', { eventId }, organizer)).code).not.toBe(a.code);
    const res = await t.call('volunteer.code', { eventId }, tokens.T0019);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    const seen = JSON.stringify(await t.ok('volunteer.event.get', { eventId }, tokens.T0019));
    expect(seen).not.toMatch(/secret/);
  });

  it('as a WeChat code: refused on the local server (no WeChat to ask), to members, and for an unknown build', async () => {
    const local = await t.call('volunteer.code.image', { eventId, envVersion: 'release' }, organizer);
    expect(local.status).toBe(422);
    expect(errorOf(local)).toMatchObject({ code: 'RULE', details: { rule: 'wxacodeUnavailable' } });
    expect(errorOf(local).message).toMatch(/数字签到码/);
    const member = await t.call('volunteer.code.image', { eventId, envVersion: 'release' }, tokens.T0019);
    expect(errorOf(member).code).toBe('FORBIDDEN');
    const unknown = await t.call('volunteer.code.image', { eventId, envVersion: 'beta' } as never, organizer);
    expect(errorOf(unknown)).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('未知的小程序版本'),
    });
  });

  it('a repeat scan changes nothing', async () => {
    const first = await t.ok('volunteer.event.get', { eventId }, tokens.T0019);
    const again = await scan('volunteer.signin', 'T0019', '2026-03-05T01:20:00.000Z');
    expect(again.body).toMatchObject({ ok: true, data: { already: true, signInAt: first.event.mine?.signInAt } });
    const out1 = await scan('volunteer.signout', 'T0019', '2026-03-05T03:10:00.000Z');
    const out2 = await scan('volunteer.signout', 'T0019', '2026-03-05T03:50:00.000Z');
    expect(out1.body).toMatchObject({ ok: true, data: { signOutAt: '2026-03-05T03:10:00.000Z' } });
    expect(out2.body).toMatchObject({ ok: true, data: { already: true, signOutAt: '2026-03-05T03:10:00.000Z' } });
  });

  it('refuses a wrong code, someone not confirmed, a sign-out before a sign-in, and a scan out of hours', async () => {
    await at('2026-03-05T01:30:00.000Z');
    const wrong = await t.call('volunteer.signin', { eventId, code: '000000' }, tokens.T0022);
    expect(errorOf(wrong).details?.rule).toBe('code');
    const waitlisted = await scan('volunteer.signin', 'T0026', '2026-03-05T01:30:00.000Z');
    expect(errorOf(waitlisted).details?.rule).toBe('notConfirmed');
    const outsider = await t.call(
      'volunteer.signin',
      { eventId, code: await currentCode(t, organizer, eventId) },
      await t.login('demo-T0030'),
    );
    expect(errorOf(outsider).details?.rule).toBe('notConfirmed');
    const noSignIn = await scan('volunteer.signout', 'T0022', '2026-03-05T01:30:00.000Z');
    expect(errorOf(noSignIn).details?.rule).toBe('notSignedIn');
    const early = await scan('volunteer.signin', 'T0022', '2026-03-04T23:59:00.000Z'); // 07:59, more than an hour early
    expect(errorOf(early).details?.rule).toBe('signinWindow');
    const malformed = await t.call('volunteer.signin', { eventId, code: '12345' }, tokens.T0022);
    expect(errorOf(malformed).code).toBe('INVALID_INPUT');
    const mine = await t.ok('volunteer.event.get', { eventId }, tokens.T0022);
    expect(mine.event.mine).toMatchObject({ signInAt: null, signOutAt: null });
  });
});

describe('hours', () => {
  it('cannot be confirmed before the event has ended: not before it starts, not while it runs', async () => {
    for (const when of ['2026-03-05T00:59:59.999Z', '2026-03-05T02:00:00.000Z', '2026-03-05T03:59:59.999Z']) {
      await at(when);
      const res = await t.call(
        'volunteer.confirm',
        { eventId, entries: [{ staffId: ids.T0021, hours: 1, note: '提前' }] },
        organizer,
      );
      expect(errorOf(res).details?.rule).toBe('notEnded');
    }
    await at('2026-03-05T06:00:00.000Z');
  });

  beforeAll(async () => {
    // T0021: 09:00 → 11:59 (2 h 59 min); T0022: 08:50 → 12:40 (past the planned end); T0023: no sign-out.
    await scan('volunteer.signin', 'T0021', '2026-03-05T01:00:00.000Z');
    await scan('volunteer.signout', 'T0021', '2026-03-05T03:59:00.000Z');
    await scan('volunteer.signin', 'T0022', '2026-03-05T00:50:00.000Z');
    await scan('volunteer.signout', 'T0022', '2026-03-05T04:40:00.000Z');
    await scan('volunteer.signin', 'T0023', '2026-03-05T01:05:00.000Z');
    await at('2026-03-05T06:00:00.000Z');
  });

  const row = async (no: string) =>
    (await t.ok('volunteer.attendance', { eventId }, organizer)).rows.find((r) => r.staffId === ids[no]);

  it('computes 2 h 59 min as 2.5 h, caps a late sign-out at the planned hours, and leaves no sign-out to the organizer', async () => {
    expect((await row('T0021'))?.computedHours).toBe(2.5);
    expect((await row('T0022'))?.computedHours).toBe(3);
    expect((await row('T0023'))?.computedHours).toBeNull();
    expect(await row('T0024')).toMatchObject({ signInAt: null, computedHours: null });
  });

  it('refuses negative, absurd, unrounded or above-plan hours, and adjustments without a note; a bad row stops the batch', async () => {
    for (const hours of [-1, 1.25, 100, Number.NaN]) {
      const res = await t.post('volunteer.confirm', { eventId, entries: [{ staffId: ids.T0021, hours }] }, organizer);
      expect(res.status).toBe(400);
    }
    const above = await t.call(
      'volunteer.confirm',
      { eventId, entries: [{ staffId: ids.T0021, hours: 3.5, note: '多干了' }] },
      organizer,
    );
    expect(errorOf(above).details?.rule).toBe('hoursAbovePlanned');
    const noNote = await t.call(
      'volunteer.confirm',
      { eventId, entries: [{ staffId: ids.T0023, hours: 2 }] },
      organizer,
    );
    expect(errorOf(noNote).details).toMatchObject({ rule: 'noteRequired', staffId: ids.T0023 });
    const adjusted = await t.call(
      'volunteer.confirm',
      { eventId, entries: [{ staffId: ids.T0021, hours: 3 }] },
      organizer,
    );
    expect(errorOf(adjusted).details?.rule).toBe('noteRequired');
    const outsider = await t.call(
      'volunteer.confirm',
      { eventId, entries: [{ staffId: ids.T0026, hours: 1, note: '候补' }] },
      organizer,
    );
    expect(errorOf(outsider).details?.rule).toBe('notParticipant');
    const batch = await t.call(
      'volunteer.confirm',
      {
        eventId,
        entries: [
          { staffId: ids.T0021, hours: 2.5 },
          { staffId: ids.T0023, hours: 2 },
        ],
      },
      organizer,
    );
    expect(errorOf(batch).details?.rule).toBe('noteRequired');
    expect((await row('T0021'))?.hours).toBeNull();
    expect((await t.ok('volunteer.records', { year: 2026 }, tokens.T0021)).totalHours).toBe(0);
  });

  it('confirms hours; only confirmed hours count, the yearly total moves with corrections, the person is told', async () => {
    const done = await t.ok(
      'volunteer.confirm',
      {
        eventId,
        entries: [
          { staffId: ids.T0021, hours: 2.5 },
          { staffId: ids.T0022, hours: 3 },
          { staffId: ids.T0023, hours: 2, note: '未签退，按现场登记确认' },
        ],
      },
      organizer,
    );
    expect(done.changed).toBe(3);
    expect(
      (await t.ok('volunteer.confirm', { eventId, entries: [{ staffId: ids.T0021, hours: 2.5 }] }, organizer)).already,
    ).toBe(true);

    const mine = await t.ok('volunteer.records', { year: 2026 }, tokens.T0023);
    expect(mine.totalHours).toBe(2);
    expect(mine.items[0]).toMatchObject({
      title: '特教学校陪伴阅读',
      date: '2026-03-05',
      place: '市特殊教育学校',
      unitName: '同心示范单位',
      team: '学雷锋志愿服务队',
      hours: 2,
      note: '未签退，按现场登记确认',
      confirmerName: '赵强',
      confirmedAt: '2026-03-05T06:00:00.000Z',
    });
    expect(mine.person).toMatchObject({ staffNo: 'T0023' });

    // Signed in but not yet confirmed: listed, not counted.
    const pending = await t.ok('volunteer.records', { year: 2026 }, tokens.T0019);
    expect(pending.items[0]).toMatchObject({ hours: null });
    expect(pending.totalHours).toBe(0);

    await t.ok(
      'volunteer.confirm',
      { eventId, entries: [{ staffId: ids.T0023, hours: 1.5, note: '核实后更正' }] },
      organizer,
    );
    expect((await t.ok('volunteer.records', { year: 2026 }, tokens.T0023)).totalHours).toBe(1.5);

    const cert = await t.ok('volunteer.certificate', { year: 2026 }, tokens.T0022);
    expect(cert).toMatchObject({
      year: 2026,
      person: { staffNo: 'T0022' },
      unitName: '同心示范单位',
      totalHours: 3,
      items: [{ title: '特教学校陪伴阅读', date: '2026-03-05', hours: 3 }],
      issuedOn: '2026-03-05',
    });
    expect((await t.ok('volunteer.certificate', { year: 2025 }, tokens.T0022)).items).toEqual([]);

    const inbox = await t.ok('inbox.list', {}, tokens.T0023);
    expect(inbox.items.filter((m) => m.kind === 'volunteer.hours')).toHaveLength(2);
  });

  it("lets organizers read anyone's records and members only their own", async () => {
    expect((await t.ok('volunteer.records', { year: 2026, staffId: ids.T0022 }, organizer)).totalHours).toBe(3);
    const res = await t.call('volunteer.records', { year: 2026, staffId: ids.T0022 }, tokens.T0021);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});
