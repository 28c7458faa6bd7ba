import { contract } from '../../../src/core/contract';
import type { ApiResult } from '../../../src/core/errors';
import { startTestServer, type TestServer } from '../support/harness';
import {
  ACTIVITY,
  type Caller,
  cells,
  DEEDS,
  EVENT,
  type Expected,
  type Fixture,
  type Item,
  type Member,
  MEMBERS,
  type Mine,
  READING_BODY,
  ROUND,
  TABLE,
} from './role-matrix-table';

/**
 * Role matrix (DESIGN.md §1, §4): every action × every kind of caller × own and someone else's
 * record, each cell's code derived from the one table in role-matrix-table.ts. One server for all
 * cells keeps it fast: refused cells are turned away before any handler runs, and every allowed
 * write aims at records of its own, so no cell depends on what an earlier one did.
 */

/** Monday 2 March 2026, 09:00 in Asia/Shanghai: inside the reading window, before every deadline. */
const CLOCK = '2026-03-02T01:00:00.000Z';

/** Demo identities of the callers with a roster entry (DESIGN.md §7). */
const STAFF_NO: Record<Member | 'deactivated', string> = {
  staff: 'T0010',
  secretary: 'T0002',
  organizer: 'T0003',
  admin: 'T0001',
  // Given admin before being deactivated: a deactivated entry must keep none of its roles.
  deactivated: 'T0028',
};
/** The colleague whose records are "someone else's", and the captain of teams every caller joins. */
const THEIRS = 'T0024';
const CAPTAIN = 'T0019';

let t: TestServer;
let fx: Fixture;
const tokens = new Map<Caller, string | null>();

beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(CLOCK, true);
  fx = await arrange();
}, 60_000);
afterAll(() => t.stop());

async function arrange(): Promise<Fixture> {
  const roster = await t.server.store.collection('staff').find({}, { limit: 100 });
  const staff = Object.fromEntries(roster.map((s) => [s.staffNo, s._id]));
  const as = (staffNo: string) => t.login(`demo-${staffNo}`);
  tokens.set('none', null);
  tokens.set('unbound', await t.login('matrix-stranger'));
  for (const caller of [...MEMBERS, 'deactivated'] as const) tokens.set(caller, await as(STAFF_NO[caller]));
  const token = (caller: Member) => tokens.get(caller) ?? null;
  const admin = token('admin');
  const organizer = token('organizer');
  const secretary = token('secretary');

  await t.ok('staff.setRoles', { staffId: staff[STAFF_NO.deactivated], roles: ['admin'] }, admin);
  await t.ok('staff.deactivate', { staffId: staff[STAFF_NO.deactivated] }, admin);
  await t.ok('staff.deactivate', { staffId: staff.T0040 }, admin);

  const publish = async (date: string) =>
    (await t.ok('reading.publish', { date, title: `${date} 晨读`, body: READING_BODY }, secretary)).reading.id;
  const reading = { today: await publish('2026-03-02'), ahead: await publish('2026-03-05') };

  const newEvent = async () => (await t.ok('volunteer.event.create', EVENT, organizer)).event.id;
  const openEvent = await newEvent();
  const event = {
    open: openEvent,
    spare: await newEvent(),
    code: (await t.ok('volunteer.code', { eventId: openEvent }, organizer)).code,
  };

  const { activity: open } = await t.ok('activity.create', ACTIVITY, organizer);
  const items = Object.fromEntries(open.items.map((i) => [i.name, i.id])) as Record<Item, string>;
  const register = (itemName: Item, members: string[], by: string | null) =>
    t.ok(
      'activity.register',
      { activityId: open.id, itemId: items[itemName], team: { name: `${itemName}队`, memberStaffIds: members } },
      by,
    );
  const captain = await as(CAPTAIN);
  const callerIds = MEMBERS.map((m) => staff[STAFF_NO[m]]);
  for (const name of ['addTheirs', 'withdrawTheirs', 'leave'] as const) await register(name, callerIds, captain);
  // Each caller captains a team of two in the items of its own; T0015–T0018 are left to be recruited.
  for (const [i, m] of MEMBERS.entries()) {
    for (const name of ['addOwn', 'withdrawOwn'] as const) await register(name, [staff[`T001${i + 1}`]], token(m));
  }
  const activity = {
    open: open.id,
    spare: (await t.ok('activity.create', ACTIVITY, organizer)).activity.id,
    items,
  };

  const newRound = async () => (await t.ok('honor.round.create', ROUND, admin)).round.id;
  const round = await newRound();
  await t.ok('honor.round.advance', { roundId: round, to: 'nominating' }, admin);
  const nomination = await t.ok(
    'honor.nominate',
    { roundId: round, nomineeStaffId: staff.T0023, kind: 'peer', category: '职业道德', deeds: DEEDS },
    await as('T0022'),
  );
  const honor = { round, draft: await newRound(), spare: await newRound(), nomination: nomination.nomination.id };

  // A receipt code from an anonymous letter; an inbox notice from the office's reply to a named one.
  const letters = async (by: string | null) => {
    const letter = { subject: '食堂建议', body: '希望增加早餐品种。' };
    const { code } = await t.ok('mailbox.send', { ...letter, anonymous: true }, by);
    const named = (await t.ok('mailbox.send', { ...letter, anonymous: false }, by)).message.id;
    await t.ok('mailbox.reply', { messageId: named, body: '已收到，谢谢。' }, admin);
    const inbox = await t.ok('inbox.list', {}, by);
    const notice = inbox.items.find((i) => i.kind === 'mailbox.replied');
    if (!code || !notice) throw new Error('no receipt code or inbox notice');
    return { receipt: code, inboxId: notice.id, named };
  };
  const mine = {} as Record<Caller, Mine>;
  for (const [i, m] of MEMBERS.entries()) {
    const { receipt, inboxId } = await letters(token(m));
    mine[m] = { staffId: staff[STAFF_NO[m]], inboxId, receipt, recruit: staff[`T001${i + 5}`] };
  }
  // The router turns these callers away before it reads the input: any well-formed input will do.
  mine.none = mine.unbound = mine.staff;
  mine.deactivated = { ...mine.staff, staffId: staff[STAFF_NO.deactivated] };
  const theirToken = await as(THEIRS);
  const theirs = await letters(theirToken);
  const close = (await t.ok('mailbox.send', { subject: '办结用', body: '请予办结。', anonymous: false }, theirToken))
    .message.id;

  return {
    clock: CLOCK,
    staff,
    mine,
    theirs: { staffId: staff[THEIRS], inboxId: theirs.inboxId, receipt: theirs.receipt },
    reading,
    event,
    activity,
    honor,
    letters: { reply: theirs.named, close },
  };
}

/**
 * What a cell observed, in the table's terms. An allowed caller may still meet a rule (RULE,
 * CONFLICT, RATE_LIMITED); it must not meet a refusal: 401/403, NOT_FOUND (how handlers hide a
 * record from those who may not see it), nor INVALID_INPUT, for an input its schema refuses never
 * reaches the handler and would prove nothing about the handler's own checks; nor, of course, a 500.
 */
const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID_INPUT', 'INTERNAL']);
function observed(body: ApiResult<unknown>, expected: Expected): string {
  const code = body.ok ? 'ok' : body.error.code;
  if (expected !== 'allowed') return code;
  return REFUSALS.has(code) ? code : 'allowed';
}

describe('the role matrix', () => {
  it('has a row for every action of the contract, and none for an action it lacks', () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(contract).sort());
  });

  it.each(cells())('%s × %s × %s → %s', async (action, caller, record, expected, input) => {
    const res = await t.post(action, input(fx, fx.mine[caller]), tokens.get(caller));
    // The one cell that moves the clock: put it back for the cells after it.
    if (action === 'dev.clock.reset') await t.setClock(CLOCK, true);
    const got = observed(res.body, expected);
    // The server's message rides along only when the cell fails, to say which rule answered.
    const detail = got === expected || res.body.ok ? '' : res.body.error.message;
    expect([action, caller, record, got, detail]).toEqual([action, caller, record, expected, '']);
  });
});
