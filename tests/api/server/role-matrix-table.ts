import { type ActionInput, type ActionName, contract } from '../../../src/core/contract';
import type { Role } from '../../../src/core/roles';

/**
 * The role matrix's one table (DESIGN.md §1, §4): per action, the input its cells send, and where the
 * input can name a record with an owner (or one only some roles may see), one case per record with
 * the refusal the handler owes. Every cell's expected code is derived (`expectedOf`) from the
 * contract's access and roles plus that gate; none is written by hand.
 */

const CALLERS = ['none', 'unbound', 'deactivated', 'staff', 'secretary', 'organizer', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type Member = Exclude<Caller, 'none' | 'unbound' | 'deactivated'>;
export const MEMBERS: readonly Member[] = ['staff', 'secretary', 'organizer', 'admin'];

/** What each active caller holds (DESIGN.md §7: T0001 admin, T0002 secretary, T0003 organizer, T0010 staff). */
const HELD: Record<Member, readonly Role[]> = {
  staff: ['staff'],
  secretary: ['staff', 'secretary'],
  organizer: ['staff', 'organizer'],
  admin: ['staff', 'admin'],
};

/**
 * `none`: no owned record, or one the caller's identity implies (volunteer.cancel's sign-up);
 * `own` / `other`: the caller's record and a colleague's; records only some roles may see or make:
 * `ahead` (a reading for a later day), `draft` (an honor round not yet opened), `manage` (the list
 * of every activity), `org` (a nomination in the party organization's name).
 */
type RecordKind = 'none' | 'own' | 'other' | 'ahead' | 'draft' | 'manage' | 'org';
export type Expected = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** The handler's own refusal, past the contract's roles: only holders of `unless` (and admins) pass. */
interface Gate {
  refused: 'FORBIDDEN' | 'NOT_FOUND';
  unless?: Role;
}

const ITEMS = ['solo', 'addOwn', 'addTheirs', 'withdrawOwn', 'withdrawTheirs', 'leave'] as const;
export type Item = (typeof ITEMS)[number];

/** A caller's own records, made before the cells run. */
export interface Mine {
  staffId: string;
  inboxId: string;
  receipt: string;
  /** A colleague not yet in the caller's own team of `addOwn`. */
  recruit: string;
}

/** The records the cells point at, made over the API before they run (role-matrix.test.ts). */
export interface Fixture {
  clock: string;
  /** Staff ids by staff number. */
  staff: Record<string, string>;
  mine: Record<Caller, Mine>;
  /** T0024's records: a colleague who is none of the callers. */
  theirs: Omit<Mine, 'recruit'>;
  reading: { today: string; ahead: string };
  event: { open: string; spare: string; code: string };
  activity: { open: string; spare: string; items: Record<Item, string> };
  honor: { round: string; draft: string; spare: string; nomination: string };
  letters: { reply: string; close: string };
}

type Build<A extends ActionName> = (fx: Fixture, me: Mine) => ActionInput<A>;
interface Case<A extends ActionName> {
  record: RecordKind;
  input: Build<A>;
  gate?: Gate;
}

const plain = <A extends ActionName>(input: Build<A>): Case<A>[] => [{ record: 'none', input }];
/** Without a gate, someone else's record is as open to the caller as their own. */
const owned = <A extends ActionName>(own: Build<A>, other: Build<A>, gate?: Gate): Case<A>[] => [
  { record: 'own', input: own },
  { record: 'other', input: other, gate },
];
const also = <A extends ActionName>(input: Build<A>, record: RecordKind, variant: Build<A>, gate: Gate): Case<A>[] => [
  { record: 'none', input },
  { record, input: variant, gate },
];

const sh = (day: string, time: string) => `${day}T${time}+08:00`;
export const DEEDS = '他多年扎根基层岗位，工作认真细致、任劳任怨，业余时间坚持参加社区志愿服务，在同事中口碑很好。';
export const READING_BODY = '第一段：学习要联系实际。\n第二段：抓落实要一抓到底。';
const ROSTER_CSV = Buffer.from('工号,姓名,部门\nT9002,孙九,综合科\n', 'utf8').toString('base64');

export const EVENT: ActionInput<'volunteer.event.create'> = {
  title: '社区陪伴阅读',
  content: '陪孩子们读绘本。',
  place: '市特殊教育学校',
  startAt: sh('2026-03-05', '09:00:00'),
  endAt: sh('2026-03-05', '12:00:00'),
  signupDeadline: sh('2026-03-04', '18:00:00'),
  capacity: 20,
  plannedHours: 3,
};

const team = (name: Item) => ({ name, mode: 'team', teamMin: 2, teamMax: 6, capacity: 20 }) as const;
export const ACTIVITY: ActionInput<'activity.create'> = {
  title: '春季职工运动会',
  kind: 'sports',
  description: '以科室为单位参加。',
  place: '机关操场',
  startAt: sh('2026-03-10', '08:30:00'),
  endAt: sh('2026-03-10', '11:30:00'),
  signupDeadline: sh('2026-03-06', '18:00:00'),
  // Each caller is in six items of this one activity (default limit: 2).
  maxItemsPerPerson: ITEMS.length,
  items: [{ name: 'solo', mode: 'individual', capacity: 50 }, ...ITEMS.slice(1).map(team)],
};

export const ROUND: ActionInput<'honor.round.create'> = {
  title: '角色矩阵评选',
  nominateUntil: sh('2026-03-06', '18:00:00'),
  voteUntil: sh('2026-03-13', '18:00:00'),
};

const nominate = (fx: Fixture, kind: 'peer' | 'org', nominee: string): ActionInput<'honor.nominate'> => ({
  roundId: fx.honor.round,
  nomineeStaffId: fx.staff[nominee],
  kind,
  category: '职业道德',
  deeds: DEEDS,
});
const item = (fx: Fixture, name: Item) => ({ activityId: fx.activity.open, itemId: fx.activity.items[name] });
const readingOf = (fx: Fixture) => ({ readingId: fx.reading.today });
const readingAhead = (fx: Fixture) => ({ readingId: fx.reading.ahead });
const SEES_AHEAD: Gate = { refused: 'NOT_FOUND', unless: 'secretary' };
const SEES_DRAFTS: Gate = { refused: 'NOT_FOUND', unless: 'admin' };
const month = () => ({ month: '2026-03' });
const nothing = () => ({});

/**
 * Targets of the admin's roster writes are bystanders (T0025–T0027, T0031), never a caller, so that no
 * cell changes who a later cell's caller is.
 */
export const TABLE: { [A in ActionName]: readonly Case<A>[] } = {
  'session.me': plain(nothing),
  // T0040 is deactivated before the cells: nobody binds, so the unbound caller stays unbound (RULE
  // staffInactive) and the bound ones are told they are bound already (CONFLICT).
  'staff.bind': plain(() => ({ staffNo: 'T0040', name: '杜鹃' })),
  'staff.search': plain(() => ({ q: '李' })),
  'staff.import': plain(() => ({ rows: [{ staffNo: 'T9001', name: '钱八', department: '综合科' }] })),
  'staff.import.preview': plain(() => ({ fileName: 'roster.csv', base64: ROSTER_CSV })),
  'staff.import.template': plain(nothing),
  'staff.list': plain(nothing),
  'staff.setRoles': plain((fx) => ({ staffId: fx.staff.T0025, roles: ['organizer'] })),
  'staff.unbind': plain((fx) => ({ staffId: fx.staff.T0026 })),
  'staff.deactivate': plain((fx) => ({ staffId: fx.staff.T0027 })),
  'staff.activate': plain((fx) => ({ staffId: fx.staff.T0027 })),
  'staff.bindCode.issue': plain((fx) => ({ staffId: fx.staff.T0031 })),
  'staff.bindCode.sheet': plain(nothing),
  'staff.branches': plain(nothing),
  'settings.get': plain(nothing),
  'settings.update': plain(() => ({ volunteerHoursTarget: 20 })),
  'calendar.set': plain(() => ({ date: '2026-10-10', workday: false })),
  'calendar.clear': plain(() => ({ date: '2026-10-10' })),
  'calendar.month': plain(month),
  'audit.list': plain(nothing),
  'inbox.list': plain(nothing),
  // Someone else's notice is as good as missing: an id must not confirm what others receive.
  'inbox.read': owned(
    (_fx, me) => ({ messageId: me.inboxId }),
    (fx) => ({ messageId: fx.theirs.inboxId }),
    { refused: 'NOT_FOUND' },
  ),
  'dev.login': plain(() => ({ openid: 'matrix-probe' })),
  'dev.identities': plain(nothing),
  'dev.clock.set': plain((fx) => ({ now: fx.clock, freeze: true })),
  'dev.clock.reset': plain(nothing),
  'reading.publish': plain(() => ({ date: '2026-03-09', title: '下周一晨读', body: READING_BODY })),
  'reading.update': plain((fx) => ({ ...readingOf(fx), title: '今日晨读' })),
  'reading.today': plain(nothing),
  'reading.get': also(readingOf, 'ahead', readingAhead, SEES_AHEAD),
  'reading.list': plain(month),
  'reading.open': also(readingOf, 'ahead', readingAhead, SEES_AHEAD),
  'checkin.submit': also(readingOf, 'ahead', readingAhead, SEES_AHEAD),
  'checkin.makeup': plain(() => ({ date: '2026-02-27', reason: '外出开会' })),
  'checkin.calendar': plain(month),
  'checkin.archive': owned(
    (_fx, me) => ({ year: 2026, staffId: me.staffId }),
    (fx) => ({ year: 2026, staffId: fx.theirs.staffId }),
    { refused: 'FORBIDDEN', unless: 'admin' },
  ),
  'checkin.honorRoll': plain(month),
  'checkin.participation': plain(month),
  'honor.round.create': plain(() => ROUND),
  'honor.round.advance': plain((fx) => ({ roundId: fx.honor.spare, to: 'cancelled' })),
  'honor.round.update': plain((fx) => ({ roundId: fx.honor.draft, voteUntil: sh('2026-03-20', '18:00:00') })),
  'honor.review': plain((fx) => ({ nominationId: fx.honor.nomination, decision: 'approve' })),
  'honor.select': plain((fx) => ({ roundId: fx.honor.round, nominationIds: [fx.honor.nomination] })),
  'honor.unselect': plain((fx) => ({ roundId: fx.honor.round, nominationId: fx.honor.nomination, reason: '核实撤销' })),
  'honor.round.list': plain(nothing),
  'honor.round.get': also(
    (fx) => ({ roundId: fx.honor.round }),
    'draft',
    (fx) => ({ roundId: fx.honor.draft }),
    SEES_DRAFTS,
  ),
  'honor.nominate': also(
    (fx) => nominate(fx, 'peer', 'T0020'),
    'org',
    (fx) => nominate(fx, 'org', 'T0021'),
    { refused: 'FORBIDDEN', unless: 'secretary' },
  ),
  'honor.second': plain((fx) => ({ nominationId: fx.honor.nomination })),
  'honor.nominations': also(
    (fx) => ({ roundId: fx.honor.round }),
    'draft',
    (fx) => ({ roundId: fx.honor.draft }),
    SEES_DRAFTS,
  ),
  'honor.vote': plain((fx) => ({ roundId: fx.honor.round, nominationIds: [fx.honor.nomination] })),
  'honor.object': plain((fx) => ({
    roundId: fx.honor.round,
    nominationId: fx.honor.nomination,
    text: '事迹与实际不符',
  })),
  'honor.results': plain((fx) => ({ roundId: fx.honor.round })),
  'honor.board': plain(() => ({ year: 2026 })),
  'volunteer.event.create': plain(() => EVENT),
  'volunteer.event.update': plain((fx) => ({ eventId: fx.event.open, title: '社区义诊' })),
  'volunteer.event.cancel': plain((fx) => ({ eventId: fx.event.spare, reason: '天气原因' })),
  'volunteer.code': plain((fx) => ({ eventId: fx.event.open })),
  'volunteer.code.image': plain((fx) => ({ eventId: fx.event.open, envVersion: 'release' })),
  'volunteer.attendance': plain((fx) => ({ eventId: fx.event.open })),
  'volunteer.confirm': plain((fx) => ({ eventId: fx.event.open, entries: [{ staffId: fx.staff.T0024, hours: 1 }] })),
  'volunteer.events': plain(nothing),
  'volunteer.event.get': plain((fx) => ({ eventId: fx.event.open })),
  'volunteer.signup': plain((fx) => ({ eventId: fx.event.open })),
  'volunteer.cancel': plain((fx) => ({ eventId: fx.event.open })),
  'volunteer.signin': plain((fx) => ({ eventId: fx.event.open, code: fx.event.code })),
  'volunteer.signout': plain((fx) => ({ eventId: fx.event.open, code: fx.event.code })),
  // Organizers confirm everyone's hours, so they (and admins) read anyone's records.
  'volunteer.records': owned(
    (_fx, me) => ({ year: 2026, staffId: me.staffId }),
    (fx) => ({ year: 2026, staffId: fx.theirs.staffId }),
    { refused: 'FORBIDDEN', unless: 'organizer' },
  ),
  'volunteer.certificate': plain(() => ({ year: 2026 })),
  'activity.create': plain(() => ACTIVITY),
  'activity.update': plain((fx) => ({ activityId: fx.activity.open, place: '机关操场' })),
  'activity.cancel': plain((fx) => ({ activityId: fx.activity.spare, reason: '场地维修' })),
  'activity.roster': plain((fx) => ({ activityId: fx.activity.open })),
  'activity.results': plain((fx) => ({ activityId: fx.activity.open, placings: [] })),
  'activity.list': also(nothing, 'manage', () => ({ status: 'manage' }), { refused: 'FORBIDDEN', unless: 'organizer' }),
  'activity.get': plain((fx) => ({ activityId: fx.activity.open })),
  'activity.register': plain((fx) => item(fx, 'solo')),
  // A team is its captain's record: its members (every caller, in T0019's teams) may only leave it.
  'activity.withdraw': owned(
    (fx) => item(fx, 'withdrawOwn'),
    (fx) => item(fx, 'withdrawTheirs'),
    { refused: 'FORBIDDEN' },
  ),
  'activity.leaveTeam': plain((fx) => item(fx, 'leave')),
  'activity.addMembers': owned(
    (fx, me) => ({ ...item(fx, 'addOwn'), memberStaffIds: [me.recruit] }),
    (fx, me) => ({ ...item(fx, 'addTheirs'), memberStaffIds: [me.recruit] }),
    { refused: 'FORBIDDEN' },
  ),
  'mailbox.send': plain(() => ({ subject: '食堂建议', body: '希望增加早餐品种。', anonymous: false })),
  // The receipt code is the key to an anonymous letter, which keeps no link to its sender: whoever
  // holds the code reads the letter, and the server cannot tell the sender from anyone else.
  'mailbox.lookup': owned(
    (_fx, me) => ({ code: me.receipt }),
    (fx) => ({ code: fx.theirs.receipt }),
  ),
  'mailbox.mine': plain(nothing),
  'mailbox.list': plain(nothing),
  'mailbox.get': plain((fx) => ({ messageId: fx.letters.reply })),
  'mailbox.reply': plain((fx) => ({ messageId: fx.letters.reply, body: '已转相关科室办理。' })),
  'mailbox.close': plain((fx) => ({ messageId: fx.letters.close })),
  'report.export': plain(() => ({ kind: 'checkins', from: '2026-03-01', to: '2026-03-02' })),
  'dashboard.summary': plain(month),
  'notice.status': plain(nothing),
  'notice.consent': plain(() => ({ accepted: [] })),
  'notice.log': plain(nothing),
};

/** DESIGN.md §1: admin may do everything; otherwise one of the required roles (none = any member). */
function holds(held: readonly Role[], required: readonly Role[]): boolean {
  return required.length === 0 || held.includes('admin') || required.some((r) => held.includes(r));
}

/**
 * DESIGN.md §4: UNAUTHENTICATED is no identity, or an identity bound to nobody; FORBIDDEN a missing
 * role or someone else's record. A deactivated member is bound, so FORBIDDEN (its message says
 * 已停用): a 401 would send them to bind again, which staff.bind refuses for a deactivated entry.
 */
function expectedOf(action: ActionName, caller: Caller, gate?: Gate): Expected {
  const def = contract[action];
  if (def.access === 'public') return 'allowed';
  if (caller === 'none') return 'UNAUTHENTICATED';
  if (def.access === 'identity') return 'allowed';
  if (caller === 'unbound') return 'UNAUTHENTICATED';
  if (caller === 'deactivated') return 'FORBIDDEN';
  const held = HELD[caller];
  if (!holds(held, def.roles)) return 'FORBIDDEN';
  if (gate && !(gate.unless && holds(held, [gate.unless]))) return gate.refused;
  return 'allowed';
}

type Cell = [ActionName, Caller, RecordKind, Expected, Build<ActionName>];

/** Every cell: action × caller × record, in the table's order. */
export function cells(): Cell[] {
  const out: Cell[] = [];
  for (const [action, cases] of Object.entries(TABLE) as [ActionName, readonly Case<ActionName>[]][]) {
    for (const caller of CALLERS) {
      for (const c of cases) out.push([action, caller, c.record, expectedOf(action, caller, c.gate), c.input]);
    }
  }
  return out;
}
