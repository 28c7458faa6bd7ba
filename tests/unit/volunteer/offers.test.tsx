import type { AttendanceRow, MyVolunteerState, VolunteerEventView } from '../../../src/core/volunteer/contract';
import { eventOffers } from '../../../src/features/volunteer/event-offers';
import { nextEvent } from '../../../src/features/volunteer/MyNextEventCard';
import { changesOf, draftOf, inputOf, newDraft } from '../../../src/features/volunteer/manage/event-form';
import { initialDraft, planConfirm } from '../../../src/features/volunteer/manage/hours-form';

const TZ = 'Asia/Shanghai';

const view = (o: Partial<VolunteerEventView> = {}): VolunteerEventView => ({
  id: 'e',
  title: 't',
  content: 'c',
  place: 'p',
  startAt: '2026-03-05T01:00:00.000Z',
  endAt: '2026-03-05T04:00:00.000Z',
  signupDeadline: '2026-03-04T10:00:00.000Z',
  plannedHours: 3,
  team: null,
  capacity: 2,
  seatsLeft: 1,
  confirmedCount: 1,
  waitingCount: 0,
  phase: 'open',
  cancelReason: null,
  organizerName: '赵强',
  mine: null,
  ...o,
});
const mine = (o: Partial<MyVolunteerState> = {}): MyVolunteerState => ({
  status: 'confirmed',
  signedUpAt: '2026-03-02T01:00:00.000Z',
  signInAt: null,
  signOutAt: null,
  computedHours: null,
  hours: null,
  ...o,
});

describe('what the event page offers', () => {
  it('a free seat with nobody waiting: 报名; a seat while others wait: the queue first', () => {
    expect(eventOffers(view(), new Date()).signup).toBe('signup');
    expect(eventOffers(view({ seatsLeft: 1, waitingCount: 2 }), new Date()).signup).toBe('waitlist');
  });

  it('sign-in an hour before the start, sign-out once signed in, nothing after the windows', () => {
    const phase = 'closed' as const;
    expect(eventOffers(view({ phase, mine: mine() }), new Date('2026-03-04T23:59:00Z')).signIn).toBe(false);
    expect(eventOffers(view({ phase, mine: mine() }), new Date('2026-03-05T00:00:00Z')).signIn).toBe(true);
    const inside = view({ phase: 'ongoing', mine: mine({ signInAt: '2026-03-05T01:00:00.000Z' }) });
    expect(eventOffers(inside, new Date('2026-03-05T02:00:00Z'))).toMatchObject({ signIn: false, signOut: true });
    const late = view({ phase: 'finished', mine: mine({ signInAt: '2026-03-05T01:00:00.000Z' }) });
    expect(eventOffers(late, new Date('2026-03-05T07:00:00Z')).signOut).toBe(false);
  });

  it('says the confirmed hours once there are some', () => {
    const done = view({
      phase: 'finished',
      mine: mine({ signInAt: 'x', signOutAt: 'y', computedHours: 2.5, hours: 2.5 }),
    });
    expect(eventOffers(done, new Date('2026-03-06T00:00:00Z')).notice).toBe('已确认服务时长 2.5 小时。');
  });
});

describe('the next event on 首页', () => {
  it('is the earliest one not over that I hold or wait for', () => {
    const items = [
      view({ id: 'late', startAt: '2026-04-01T01:00:00.000Z', mine: mine() }),
      view({ id: 'soon', startAt: '2026-03-10T01:00:00.000Z', mine: mine({ status: 'waitlisted', position: 2 }) }),
      view({ id: 'gone', startAt: '2026-03-01T01:00:00.000Z', phase: 'finished', mine: mine() }),
      view({ id: 'left', startAt: '2026-03-03T01:00:00.000Z', mine: mine({ status: 'cancelled' }) }),
      view({ id: 'off', startAt: '2026-03-03T01:00:00.000Z', phase: 'cancelled', mine: mine() }),
    ];
    expect(nextEvent(items)?.id).toBe('soon');
    expect(nextEvent([])).toBeNull();
  });
});

describe('the event form', () => {
  it('turns local Shanghai times into instants and back', () => {
    const draft = {
      ...newDraft(new Date('2026-03-02T01:00:00Z'), TZ),
      title: '陪伴阅读',
      content: '读绘本',
      place: '特教学校',
    };
    expect(draft).toMatchObject({ startDay: '2026-03-09', deadlineDay: '2026-03-08' });
    const checked = inputOf(draft, TZ);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.value).toMatchObject({
      startAt: '2026-03-09T01:00:00.000Z',
      endAt: '2026-03-09T04:00:00.000Z',
      capacity: 20,
    });
    expect(draftOf(view(), TZ)).toMatchObject({ startDay: '2026-03-05', startTime: '09:00', deadlineTime: '18:00' });
  });

  it('reports problems by field, with the server schema’s messages', () => {
    const draft = { ...newDraft(new Date('2026-03-02T01:00:00Z'), TZ), endTime: '08:00', capacity: 'x' };
    const checked = inputOf(draft, TZ);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors).sort()).toEqual(['capacity', 'content', 'place', 'title']);
  });

  it('sends only what changed in an edit', () => {
    const before = view({ team: '学雷锋志愿服务队' });
    const checked = inputOf({ ...draftOf(before, TZ), place: '新地点', team: '' }, TZ);
    if (!checked.ok) throw new Error('invalid');
    expect(changesOf(checked.value, before)).toEqual({ place: '新地点', team: '' });
  });
});

describe('confirming hours', () => {
  const row = (o: Partial<AttendanceRow>): AttendanceRow => ({
    staffId: 's',
    staffNo: 'T1',
    name: '甲',
    department: 'd',
    status: 'confirmed',
    signedUpAt: 'x',
    signInAt: null,
    signOutAt: null,
    computedHours: null,
    hours: null,
    note: null,
    confirmedAt: null,
    confirmerName: null,
    ...o,
  });

  it('prefills computed hours and sends new or changed rows only', () => {
    const rows = [
      row({ staffId: 'a', computedHours: 2.5 }),
      row({ staffId: 'b', computedHours: 3, hours: 3 }),
      row({ staffId: 'c' }),
      row({ staffId: 'w', status: 'waitlisted' }),
    ];
    const drafts = Object.fromEntries(rows.map((r) => [r.staffId, initialDraft(r)]));
    expect(drafts.a).toEqual({ hours: '2.5', note: '' });
    expect(planConfirm(rows, drafts, 3)).toEqual({ entries: [{ staffId: 'a', hours: 2.5 }], errors: {} });
  });

  it('says early what the server would refuse', () => {
    const rows = [row({ staffId: 'a', computedHours: 2.5 }), row({ staffId: 'c' }), row({ staffId: 'd' })];
    const plan = planConfirm(
      rows,
      { a: { hours: '3', note: '' }, c: { hours: '1.2', note: 'x' }, d: { hours: '4', note: 'x' } },
      3,
    );
    expect(Object.keys(plan.errors).sort()).toEqual(['a', 'c', 'd']);
    expect(plan.entries).toEqual([]);
  });
});
