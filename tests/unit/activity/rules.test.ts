import {
  activityPhase,
  entrySize,
  genderAllows,
  genderMessage,
  itemRequirement,
  memberListProblem,
  placingsProblem,
  resultsOpen,
  scheduleProblem,
  signupOpen,
  teamComplete,
  teamSizeProblem,
  withinItemLimit,
} from '../../../src/core/activity/rules';
import { activityCreateInput, activityRegisterInput } from '../../../src/core/activity/contract';

const schedule = {
  signupDeadline: '2026-03-06T10:00:00.000Z', // 18:00 Shanghai
  startAt: '2026-03-10T00:30:00.000Z',
  endAt: '2026-03-10T03:30:00.000Z',
};
const at = (iso: string) => new Date(iso);

describe('phase and deadline', () => {
  it('is open strictly before the deadline, closed from it until the start, then ongoing and ended', () => {
    const a = { ...schedule, cancelled: false };
    expect(activityPhase(a, at('2026-03-06T09:59:59.999Z'))).toBe('open');
    expect(activityPhase(a, at('2026-03-06T10:00:00.000Z'))).toBe('closed');
    expect(activityPhase(a, at('2026-03-10T00:30:00.000Z'))).toBe('ongoing');
    expect(activityPhase(a, at('2026-03-10T03:30:00.000Z'))).toBe('ended');
    expect(activityPhase({ ...a, cancelled: true }, at('2026-03-01T00:00:00Z'))).toBe('cancelled');
  });

  it('signupOpen and resultsOpen follow the deadline and the start', () => {
    expect(signupOpen(schedule, at('2026-03-06T09:59:59Z'))).toBe(true);
    expect(signupOpen(schedule, at('2026-03-06T10:00:00Z'))).toBe(false);
    expect(resultsOpen(schedule, at('2026-03-10T00:29:59Z'))).toBe(false);
    expect(resultsOpen(schedule, at('2026-03-10T00:30:00Z'))).toBe(true);
  });

  it('scheduleProblem names the field at fault', () => {
    expect(scheduleProblem(schedule)).toBeNull();
    expect(scheduleProblem({ ...schedule, endAt: schedule.startAt })?.field).toBe('endAt');
    expect(scheduleProblem({ ...schedule, signupDeadline: '2026-03-10T00:30:00.001Z' })?.field).toBe('signupDeadline');
    expect(scheduleProblem({ ...schedule, signupDeadline: schedule.startAt })).toBeNull();
  });
});

describe('team size', () => {
  const tug = { mode: 'team' as const, teamMin: 8, teamMax: 10 };

  it('counts the captain and refuses outside min..max', () => {
    expect(teamSizeProblem(tug, 8)).toBeNull();
    expect(teamSizeProblem(tug, 10)).toBeNull();
    expect(teamSizeProblem(tug, 7)).toMatchObject({ rule: 'teamTooSmall' });
    expect(teamSizeProblem(tug, 11)).toMatchObject({ rule: 'teamTooLarge' });
    expect(teamSizeProblem(tug, 11)?.message).toContain('最多 10 人');
  });

  it('an individual item is an entry of exactly one', () => {
    expect(entrySize({ mode: 'individual' })).toEqual({ min: 1, max: 1 });
    expect(teamSizeProblem({ mode: 'individual' }, 2)?.rule).toBe('teamTooLarge');
  });

  it('a team below its minimum is incomplete', () => {
    expect(teamComplete(tug, 7)).toBe(false);
    expect(teamComplete(tug, 8)).toBe(true);
    expect(teamComplete({ mode: 'team', teamMin: null, teamMax: null }, 2)).toBe(true);
  });

  it('the member list may not repeat anyone nor name the captain', () => {
    expect(memberListProblem('c', ['a', 'b'])).toBeNull();
    expect(memberListProblem('c', ['a', 'a'])).toContain('重复');
    expect(memberListProblem('c', ['c', 'a'])).toContain('队长');
  });
});

describe('per-person item limit and gender', () => {
  it('allows up to the limit', () => {
    expect(withinItemLimit(0, 2)).toBe(true);
    expect(withinItemLimit(1, 2)).toBe(true);
    expect(withinItemLimit(2, 2)).toBe(false);
  });

  it('an unrecorded gender never matches a restriction', () => {
    expect(genderAllows(undefined, undefined)).toBe(true);
    expect(genderAllows('female', 'female')).toBe(true);
    expect(genderAllows('female', 'male')).toBe(false);
    expect(genderAllows('female', undefined)).toBe(false);
    expect(genderMessage('王芳', 'female', undefined)).toContain('没有王芳的性别信息');
  });

  it('describes an item in one line', () => {
    expect(itemRequirement({ mode: 'team', teamMin: 8, teamMax: 10, gender: 'female' })).toBe('团体 8–10 人 · 限女');
    expect(itemRequirement({ mode: 'individual' })).toBe('个人');
  });

  it('placings name each entry once', () => {
    expect(
      placingsProblem([
        { entryId: 'a', place: 1 },
        { entryId: 'b', place: 1 },
      ]),
    ).toBeNull();
    expect(
      placingsProblem([
        { entryId: 'a', place: 1 },
        { entryId: 'a', place: 2 },
      ]),
    ).not.toBeNull();
  });
});

describe('schemas', () => {
  const base = {
    title: '运动会',
    kind: 'sports',
    description: '说明',
    place: '操场',
    startAt: '2026-03-10T08:30:00+08:00',
    endAt: '2026-03-10T11:30:00+08:00',
    signupDeadline: '2026-03-06T18:00:00+08:00',
    items: [{ name: '拔河', mode: 'team', teamMin: 8, teamMax: 10, capacity: 4 }],
  };

  it('stores instants in UTC and defaults the per-person limit to 2', () => {
    const parsed = activityCreateInput.parse(base);
    expect(parsed.signupDeadline).toBe('2026-03-06T10:00:00.000Z');
    expect(parsed.maxItemsPerPerson).toBe(2);
  });

  it('refuses team bounds on an individual item and oversized teams', () => {
    expect(
      activityCreateInput.safeParse({ ...base, items: [{ name: '跳绳', mode: 'individual', teamMin: 2, capacity: 1 }] })
        .success,
    ).toBe(false);
    expect(
      activityCreateInput.safeParse({
        ...base,
        items: [{ name: '拔河', mode: 'team', teamMin: 2, teamMax: 51, capacity: 1 }],
      }).success,
    ).toBe(false);
    const many = Array.from({ length: 50 }, (_, i) => `s${i}`);
    expect(
      activityRegisterInput.safeParse({ activityId: 'a', itemId: 'b', team: { name: '队', memberStaffIds: many } })
        .success,
    ).toBe(false);
  });
});
