import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createActivity, type Fixture, login, MONDAY_10, staffId, staffIds } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

let f: Fixture;
let tug: string;
beforeEach(async () => {
  await t.setClock(MONDAY_10, true);
  f = await createActivity(t);
  tug = f.item('拔河');
});

const mineIn = async (staffNo: string) =>
  (await t.ok('activity.get', { activityId: f.activity.id }, await login(t, staffNo))).mine;
const rosterOf = async () =>
  (await t.ok('activity.roster', { activityId: f.activity.id }, f.organizer)).items.find((i) => i.item.id === tug);

async function registerTeam(captain: string, name: string, members: string[]) {
  return t.call(
    'activity.register',
    { activityId: f.activity.id, itemId: tug, team: { name, memberStaffIds: await staffIds(t, members) } },
    await login(t, captain),
  );
}

describe('registering a team', () => {
  it('the captain registers, members are told and see the team; the roster lists it with members', async () => {
    const res = await registerTeam('T0010', '预算一队', ['T0011', 'T0012']);
    expect(res.body).toMatchObject({ ok: true, data: { status: 'confirmed' } });

    const seen = await mineIn('T0011');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      itemId: tug,
      status: 'confirmed',
      captain: false,
      team: { name: '预算一队', complete: true },
    });
    expect(seen[0].team?.members.map((m) => [m.staffNo, m.name, m.captain])).toEqual([
      ['T0010', '徐军', true],
      ['T0011', '孙涛', false],
      ['T0012', '马琳', false],
    ]);
    const notices = (await t.ok('inbox.list', {}, await login(t, 'T0012'))).items.filter(
      (m) => m.kind === 'activity.teamAdded',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('预算一队');

    const roster = await rosterOf();
    expect(roster?.entries).toEqual([
      expect.objectContaining({ status: 'confirmed', teamName: '预算一队', complete: true, entryId: seen[0].entryId }),
    ]);
    expect(roster?.entries[0].members.map((m) => m.staffNo)).toEqual(['T0010', 'T0011', 'T0012']);
  });

  it.each([
    ['unknown members', 'NOT_FOUND', undefined, async () => ['no-such-person', await staffId(t, 'T0011')]],
    ['duplicate members', 'INVALID_INPUT', undefined, async () => staffIds(t, ['T0011', 'T0011'])],
    ['the captain named again', 'INVALID_INPUT', undefined, async () => staffIds(t, ['T0010', 'T0011'])],
    ['too many members', 'RULE', 'teamTooLarge', async () => staffIds(t, ['T0011', 'T0012', 'T0013', 'T0014'])],
    ['too few members', 'RULE', 'teamTooSmall', async () => staffIds(t, ['T0011'])],
  ])('%s: %s, and nothing changes', async (_case, code, rule, members) => {
    const res = await t.call(
      'activity.register',
      { activityId: f.activity.id, itemId: tug, team: { name: '试验队', memberStaffIds: await members() } },
      await login(t, 'T0010'),
    );
    expect(errorOf(res).code).toBe(code);
    if (rule) expect(errorOf(res).details?.rule).toBe(rule);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await rosterOf())?.entries).toEqual([]);
    expect(await mineIn('T0010')).toEqual([]);
    // Everyone named is still free to join another team.
    expect((await registerTeam('T0011', '另一队', ['T0012', 'T0013'])).body.ok).toBe(true);
  });

  it('a deactivated member is refused (RULE inactiveMember) and nothing changes', async () => {
    const admin = await login(t, 'T0001');
    const [gone] = await staffIds(t, ['T0035']);
    await t.ok('staff.deactivate', { staffId: gone }, admin);
    try {
      const res = await t.call(
        'activity.register',
        {
          activityId: f.activity.id,
          itemId: tug,
          team: { name: '试验队', memberStaffIds: [gone, await staffId(t, 'T0011')] },
        },
        await login(t, 'T0010'),
      );
      expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'inactiveMember' } });
      expect(errorOf(res).message).toContain('已停用');
      expect((await rosterOf())?.entries).toEqual([]);
    } finally {
      await t.ok('staff.activate', { staffId: gone }, admin);
    }
  });

  it('a person is in one team per item: a second captain naming them gets CONFLICT naming the person', async () => {
    await registerTeam('T0010', '一队', ['T0011', 'T0012']);
    const res = await registerTeam('T0013', '二队', ['T0014', 'T0012']);
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toContain('马琳');
    expect((await rosterOf())?.entries).toHaveLength(1);
    // The refused captain's own place and the other named member were given back.
    expect((await registerTeam('T0013', '二队', ['T0014', 'T0015'])).body.ok).toBe(true);
    // A member cannot register a team of their own in the same item.
    const member = await registerTeam('T0011', '三队', ['T0016', 'T0017']);
    expect(errorOf(member).code).toBe('CONFLICT');
  });

  it('a full team item waitlists teams, and a withdrawal promotes the next team with notices to all its members', async () => {
    await registerTeam('T0010', '一队', ['T0011', 'T0012']);
    await registerTeam('T0013', '二队', ['T0014', 'T0015']);
    const third = await registerTeam('T0016', '三队', ['T0017', 'T0018']);
    expect(third.body).toMatchObject({ ok: true, data: { status: 'waitlisted', position: 1 } });
    await t.ok('activity.withdraw', { activityId: f.activity.id, itemId: tug }, await login(t, 'T0010'));
    for (const no of ['T0016', 'T0017', 'T0018']) {
      expect((await mineIn(no))[0]).toMatchObject({ status: 'confirmed' });
      const kinds = (await t.ok('inbox.list', {}, await login(t, no))).items.map((m) => m.kind);
      expect(kinds).toContain('activity.promoted');
    }
    for (const no of ['T0011', 'T0012']) {
      expect(await mineIn(no)).toEqual([]);
      const kinds = (await t.ok('inbox.list', {}, await login(t, no))).items.map((m) => m.kind);
      expect(kinds).toContain('activity.teamWithdrawn');
    }
  });
  it('a waitlisted team’s promotion notice reaches its members as they are then', async () => {
    await registerTeam('T0010', '一队', ['T0011', 'T0012']);
    await registerTeam('T0013', '二队', ['T0014', 'T0015']);
    await registerTeam('T0016', '三队', ['T0017', 'T0018']);
    await t.ok('activity.leaveTeam', { activityId: f.activity.id, itemId: tug }, await login(t, 'T0018'));
    await t.ok(
      'activity.addMembers',
      { activityId: f.activity.id, itemId: tug, memberStaffIds: await staffIds(t, ['T0019']) },
      await login(t, 'T0016'),
    );
    await t.ok('activity.withdraw', { activityId: f.activity.id, itemId: tug }, await login(t, 'T0010'));
    const promotedKinds = async (no: string) =>
      (await t.ok('inbox.list', {}, await login(t, no))).items.filter(
        (m) => m.kind === 'activity.promoted' && m.link?.includes(f.activity.id),
      ).length;
    expect(await promotedKinds('T0019')).toBe(1);
    expect(await promotedKinds('T0016')).toBe(1);
    expect(await promotedKinds('T0018')).toBe(0);
  });
});

describe('withdrawing and leaving', () => {
  beforeEach(async () => {
    await registerTeam('T0010', '预算一队', ['T0011', 'T0012']);
  });

  it('a withdrawal by a member who is not the captain is FORBIDDEN and changes nothing', async () => {
    const res = await t.call('activity.withdraw', { activityId: f.activity.id, itemId: tug }, await login(t, 'T0011'));
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await rosterOf())?.entries).toHaveLength(1);
    expect((await mineIn('T0011'))[0]).toMatchObject({ status: 'confirmed' });
  });

  it('a member leaves; the team falls below its minimum and shows as incomplete to captain and organizer', async () => {
    expect(
      await t.ok('activity.leaveTeam', { activityId: f.activity.id, itemId: tug }, await login(t, 'T0012')),
    ).toEqual({ left: true });
    expect(
      await t.ok('activity.leaveTeam', { activityId: f.activity.id, itemId: tug }, await login(t, 'T0012')),
    ).toEqual({ left: true, already: true });
    expect(await mineIn('T0012')).toEqual([]);
    const captain = await mineIn('T0010');
    expect(captain[0].team).toMatchObject({ complete: false });
    expect(captain[0].team?.members).toHaveLength(2);
    expect((await rosterOf())?.entries[0]).toMatchObject({ complete: false, status: 'confirmed' });
    const left = (await t.ok('inbox.list', {}, await login(t, 'T0010'))).items.filter(
      (m) => m.kind === 'activity.memberLeft',
    );
    expect(left[0].body).toContain('还差 1 人');
    // The captain completes the team again before the deadline.
    const added = await t.ok(
      'activity.addMembers',
      { activityId: f.activity.id, itemId: tug, memberStaffIds: [await staffId(t, 'T0020')] },
      await login(t, 'T0010'),
    );
    expect(added.entry.team).toMatchObject({ complete: true });
    expect((await mineIn('T0020'))[0]).toMatchObject({ captain: false, team: { name: '预算一队' } });
  });

  it('the captain cannot leave (RULE captain); a member cannot add members (FORBIDDEN); adding past the maximum is RULE teamTooLarge', async () => {
    const leave = await t.call(
      'activity.leaveTeam',
      { activityId: f.activity.id, itemId: tug },
      await login(t, 'T0010'),
    );
    expect(errorOf(leave).details?.rule).toBe('captain');
    const add = await t.call(
      'activity.addMembers',
      { activityId: f.activity.id, itemId: tug, memberStaffIds: [await staffId(t, 'T0020')] },
      await login(t, 'T0011'),
    );
    expect(errorOf(add).code).toBe('FORBIDDEN');
    const many = await t.call(
      'activity.addMembers',
      { activityId: f.activity.id, itemId: tug, memberStaffIds: await staffIds(t, ['T0020', 'T0021']) },
      await login(t, 'T0010'),
    );
    expect(errorOf(many).details?.rule).toBe('teamTooLarge');
    expect((await rosterOf())?.entries[0].members).toHaveLength(3);
    expect(await mineIn('T0020')).toEqual([]);
  });

  it('leaving and withdrawing end at the deadline', async () => {
    await t.setClock('2026-03-06T18:00:00+08:00', true);
    const leave = await t.call(
      'activity.leaveTeam',
      { activityId: f.activity.id, itemId: tug },
      await login(t, 'T0012'),
    );
    expect(errorOf(leave).details?.rule).toBe('deadline');
    const withdraw = await t.call(
      'activity.withdraw',
      { activityId: f.activity.id, itemId: tug },
      await login(t, 'T0010'),
    );
    expect(errorOf(withdraw).details?.rule).toBe('deadline');
    expect((await rosterOf())?.entries[0].members).toHaveLength(3);
  });
});
