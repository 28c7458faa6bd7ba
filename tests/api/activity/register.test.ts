import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createActivity, DEADLINE, type Fixture, login, MONDAY_10, staffId } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

let f: Fixture;
beforeEach(async () => {
  await t.setClock(MONDAY_10, true);
  f = await createActivity(t);
});

const get = async (staffNo: string) => t.ok('activity.get', { activityId: f.activity.id }, await login(t, staffNo));
const itemOf = async (name: string) => (await get('T0004')).items.find((i) => i.name === name);

describe('individual items', () => {
  it('confirms while seats remain, then waitlists with a position (not an error)', async () => {
    const itemId = f.item('跳绳');
    const a = await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, 'T0004'));
    const b = await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, 'T0005'));
    const c = await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, 'T0006'));
    const d = await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, 'T0007'));
    expect([a.status, b.status]).toEqual(['confirmed', 'confirmed']);
    expect(c).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(d).toMatchObject({ status: 'waitlisted', position: 2 });
    expect(await itemOf('跳绳')).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 2, seatsLeft: 0 });
  });

  it('repeating a registration returns the same entry with already', async () => {
    const token = await login(t, 'T0004');
    const first = await t.ok('activity.register', { activityId: f.activity.id, itemId: f.item('跳绳') }, token);
    const again = await t.ok('activity.register', { activityId: f.activity.id, itemId: f.item('跳绳') }, token);
    expect(again).toEqual({ ...first, already: true });
    expect((await itemOf('跳绳'))?.confirmed).toBe(1);
  });

  it('repeating a registration cut short by a crash before its seat was decided finishes it', async () => {
    const itemId = f.item('跳绳');
    const store = t.server.store;
    const rewind = async (entryId: string, crash: 'beforeSignup' | 'pending') => {
      // Put the store back as a crash would have left it: the entry and places exist, the seat does not.
      const entry = await store.collection('activityEntries').get(entryId);
      const signupId = entry?.signupEntryId ?? '';
      const slotId = (await store.collection('signupEntries').get(signupId))?.slotId ?? '';
      if (crash === 'beforeSignup') {
        await store.collection('signupEntries').remove({ _id: signupId });
        await store.collection('activityEntries').update({ _id: entryId }, { set: { signupEntryId: null } });
      } else {
        await store
          .collection('signupEntries')
          .update({ _id: signupId }, { set: { status: 'pending', confirmedAt: null } });
      }
      await store.collection('signupSlots').update({ _id: slotId }, { inc: { seatsLeft: 1, confirmed: -1 } });
    };
    for (const [no, crash] of [
      ['T0004', 'beforeSignup'],
      ['T0005', 'pending'],
    ] as const) {
      const token = await login(t, no);
      const first = await t.ok('activity.register', { activityId: f.activity.id, itemId }, token);
      await rewind(first.entryId, crash);
      expect((await itemOf('跳绳'))?.confirmed).toBe(0);
      const again = await t.ok('activity.register', { activityId: f.activity.id, itemId }, token);
      expect(again).toMatchObject({ entryId: first.entryId, status: 'confirmed', already: true });
      expect((await itemOf('跳绳'))?.confirmed).toBe(1);
      expect(await t.ok('activity.withdraw', { activityId: f.activity.id, itemId }, token)).toEqual({
        status: 'cancelled',
      });
      expect(await itemOf('跳绳')).toMatchObject({ confirmed: 0, seatsLeft: 2 });
    }
  });

  it('a registration that died before storing its entry is given up after two minutes, and registering again works', async () => {
    const itemId = f.item('跳绳');
    const store = t.server.store;
    const token = await login(t, 'T0008');
    const first = await t.ok('activity.register', { activityId: f.activity.id, itemId }, token);
    // As a crash right after the places were claimed leaves it: places and quota taken, no entry, no seat.
    const signupId = (await store.collection('activityEntries').get(first.entryId))?.signupEntryId ?? '';
    const slotId = (await store.collection('signupEntries').get(signupId))?.slotId ?? '';
    await store.collection('signupEntries').remove({ _id: signupId });
    await store.collection('signupSlots').update({ _id: slotId }, { inc: { seatsLeft: 1, confirmed: -1 } });
    await store.collection('activityEntries').remove({ _id: first.entryId });

    const soon = await t.call('activity.register', { activityId: f.activity.id, itemId }, token);
    expect(errorOf(soon).code).toBe('CONFLICT'); // it might still be in flight
    await t.setClock('2026-03-02T10:02:01+08:00', true);
    const later = await t.ok('activity.register', { activityId: f.activity.id, itemId }, token);
    expect(later.entryId).not.toBe(first.entryId);
    expect(later).toMatchObject({ status: 'confirmed' });
    expect(later.already).toBeUndefined();
    expect(await itemOf('跳绳')).toMatchObject({ confirmed: 1, seatsLeft: 1 });
    // The abandoned claim gave its quota item back: one item in use, not two.
    const me = await staffId(t, 'T0008');
    expect((await store.collection('activityQuotas').find({ staffId: me }, { limit: 5 }))[0].items).toBe(1);
  });

  it('a withdrawal promotes the first waiter, who gets an inbox notice; withdrawing again is harmless', async () => {
    const itemId = f.item('跳绳');
    const tokens = await Promise.all(['T0004', 'T0005', 'T0006', 'T0007'].map((n) => login(t, n)));
    for (const token of tokens) await t.ok('activity.register', { activityId: f.activity.id, itemId }, token);
    expect(await t.ok('activity.withdraw', { activityId: f.activity.id, itemId }, tokens[0])).toEqual({
      status: 'cancelled',
    });
    expect(await t.ok('activity.withdraw', { activityId: f.activity.id, itemId }, tokens[0])).toEqual({
      status: 'cancelled',
      already: true,
    });

    const promoted = await get('T0006');
    expect(promoted.mine).toEqual([expect.objectContaining({ itemId, status: 'confirmed', captain: true })]);
    const notices = (await t.ok('inbox.list', {}, tokens[2])).items.filter((m) => m.kind === 'activity.promoted');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ read: false, link: expect.stringContaining(f.activity.id) });
    expect(notices[0].body).toContain('跳绳');
    expect((await get('T0007')).mine[0]).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await t.ok('inbox.list', {}, tokens[3])).items.some((m) => m.kind === 'activity.promoted')).toBe(false);
    expect((await get('T0004')).mine).toEqual([]);
  });

  it('a withdrawal by someone who never registered is RULE notSignedUp', async () => {
    const res = await t.call(
      'activity.withdraw',
      { activityId: f.activity.id, itemId: f.item('跳绳') },
      await login(t, 'T0004'),
    );
    expect(res.status).toBe(422);
    expect(errorOf(res).details?.rule).toBe('notSignedUp');
  });

  it('sending a team to an individual item, or none to a team item, is INVALID_INPUT', async () => {
    const token = await login(t, 'T0004');
    const solo = await t.call(
      'activity.register',
      { activityId: f.activity.id, itemId: f.item('跳绳'), team: { name: '队', memberStaffIds: [] } },
      token,
    );
    expect(errorOf(solo).code).toBe('INVALID_INPUT');
    const team = await t.call('activity.register', { activityId: f.activity.id, itemId: f.item('拔河') }, token);
    expect(errorOf(team).code).toBe('INVALID_INPUT');
    expect((await get('T0004')).mine).toEqual([]);
  });
});

describe('the deadline, in the unit’s time zone', () => {
  it('registers one second before the deadline and refuses at it (RULE deadline), changing nothing', async () => {
    const itemId = f.item('跳绳');
    await t.setClock('2026-03-06T17:59:59+08:00', true);
    await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, 'T0004'));
    await t.setClock(DEADLINE, true);
    const late = await t.call('activity.register', { activityId: f.activity.id, itemId }, await login(t, 'T0005'));
    expect(late.status).toBe(422);
    expect(errorOf(late)).toMatchObject({ code: 'RULE', message: '报名已截止', details: { rule: 'deadline' } });
    const withdraw = await t.call('activity.withdraw', { activityId: f.activity.id, itemId }, await login(t, 'T0004'));
    expect(errorOf(withdraw).details?.rule).toBe('deadline');
    expect(await itemOf('跳绳')).toMatchObject({ confirmed: 1, waitlisted: 0 });
  });

  it('a deadline at local midnight closes at 00:00 Shanghai (16:00 UTC the day before)', async () => {
    const g = await createActivity(t, { signupDeadline: '2026-03-07T00:00:00+08:00' });
    const itemId = g.item('跳绳');
    await t.setClock('2026-03-06T15:59:00Z', true);
    await t.ok('activity.register', { activityId: g.activity.id, itemId }, await login(t, 'T0004'));
    await t.setClock('2026-03-06T16:00:00Z', true);
    const res = await t.call('activity.register', { activityId: g.activity.id, itemId }, await login(t, 'T0005'));
    expect(errorOf(res).details?.rule).toBe('deadline');
  });
});

describe('per-person item limit', () => {
  it('allows maxItemsPerPerson items per activity, counting team membership, and frees one on withdrawal', async () => {
    const g = await createActivity(t, {
      maxItemsPerPerson: 1,
      items: [
        { name: '跳绳', mode: 'individual', capacity: 5 },
        { name: '踢毽', mode: 'individual', capacity: 5 },
        { name: '拔河', mode: 'team', teamMin: 2, teamMax: 3, capacity: 5 },
      ],
    });
    const me = await login(t, 'T0008');
    await t.ok('activity.register', { activityId: g.activity.id, itemId: g.item('跳绳') }, me);
    const second = await t.call('activity.register', { activityId: g.activity.id, itemId: g.item('踢毽') }, me);
    expect(errorOf(second)).toMatchObject({ code: 'RULE', details: { rule: 'itemLimit' } });

    // Named in a team by a captain: the limit speaks of that member by name, and the team is not created.
    const captain = await login(t, 'T0009');
    const team = await t.call(
      'activity.register',
      {
        activityId: g.activity.id,
        itemId: g.item('拔河'),
        team: { name: '联队', memberStaffIds: [await staffId(t, 'T0008')] },
      },
      captain,
    );
    expect(errorOf(team)).toMatchObject({ code: 'RULE', details: { rule: 'itemLimit' } });
    expect(errorOf(team).message).toContain('周伟');
    const roster = await t.ok('activity.roster', { activityId: g.activity.id }, g.organizer);
    expect(roster.items.find((i) => i.item.name === '拔河')?.entries).toEqual([]);
    // The captain's own place was given back: they can still register elsewhere.
    await t.ok('activity.register', { activityId: g.activity.id, itemId: g.item('踢毽') }, captain);

    await t.ok('activity.withdraw', { activityId: g.activity.id, itemId: g.item('跳绳') }, me);
    await t.ok('activity.register', { activityId: g.activity.id, itemId: g.item('踢毽') }, me);
  });

  it('defaults to 2 items per person', async () => {
    const g = await createActivity(t, {
      items: ['一', '二', '三'].map((n) => ({ name: `项目${n}`, mode: 'individual' as const, capacity: 5 })),
    });
    expect(g.activity.maxItemsPerPerson).toBe(2);
    const me = await login(t, 'T0010');
    await t.ok('activity.register', { activityId: g.activity.id, itemId: g.item('项目一') }, me);
    await t.ok('activity.register', { activityId: g.activity.id, itemId: g.item('项目二') }, me);
    const third = await t.call('activity.register', { activityId: g.activity.id, itemId: g.item('项目三') }, me);
    expect(errorOf(third).details?.rule).toBe('itemLimit');
  });
});

describe('gender restriction', () => {
  it('admits only the recorded gender; a member without a recorded gender is refused with a clear message', async () => {
    const g = await createActivity(t, {
      items: [{ name: '女子跳绳', mode: 'individual', capacity: 5, gender: 'female' }],
    });
    const itemId = g.item('女子跳绳');
    // T0005 陈静 is recorded female, T0004 刘洋 male in the demo roster.
    await t.ok('activity.register', { activityId: g.activity.id, itemId }, await login(t, 'T0005'));
    const male = await t.call('activity.register', { activityId: g.activity.id, itemId }, await login(t, 'T0004'));
    expect(errorOf(male)).toMatchObject({ code: 'RULE', details: { rule: 'gender' } });

    const admin = await login(t, 'T0001');
    await t.ok('staff.import', { rows: [{ staffNo: 'T0041', name: '无名', department: '办公室' }] }, admin);
    await t.ok('staff.bind', { staffNo: 'T0041', name: '无名' }, await t.login('demo-T0041'));
    const unknown = await t.call(
      'activity.register',
      { activityId: g.activity.id, itemId },
      await t.login('demo-T0041'),
    );
    expect(errorOf(unknown)).toMatchObject({ code: 'RULE', details: { rule: 'gender' } });
    expect(errorOf(unknown).message).toContain('没有您的性别信息');

    await t.ok(
      'staff.import',
      { rows: [{ staffNo: 'T0041', name: '无名', department: '办公室', gender: '女' }] },
      admin,
    );
    await t.ok('activity.register', { activityId: g.activity.id, itemId }, await t.login('demo-T0041'));
  });
});
