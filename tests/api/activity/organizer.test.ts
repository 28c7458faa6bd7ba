import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { activityInput, createActivity, login, MONDAY_10, staffIds } from './support';

let t: TestServer;
let organizer: string;
beforeAll(async () => {
  t = await startTestServer();
  organizer = await login(t, 'T0003');
});
afterAll(() => t.stop());
beforeEach(() => t.setClock(MONDAY_10, true));

const manageCount = async () => (await t.ok('activity.list', { status: 'manage' }, organizer)).items.length;

describe('create', () => {
  it('creates an activity with its items and seats; members see it', async () => {
    const { activity } = await createActivity(t);
    expect(activity).toMatchObject({
      title: '春季职工运动会',
      kind: 'sports',
      phase: 'open',
      maxItemsPerPerson: 2,
      canManage: true,
      organizerName: '赵强',
    });
    expect(activity.signupDeadline).toBe('2026-03-06T10:00:00.000Z');
    expect(activity.items.map((i) => [i.name, i.mode, i.teamMin, i.teamMax, i.seatsLeft])).toEqual([
      ['跳绳', 'individual', undefined, undefined, 2],
      ['拔河', 'team', 3, 4, 2],
    ]);
    const seen = await t.ok('activity.get', { activityId: activity.id }, await login(t, 'T0010'));
    expect(seen).toMatchObject({ canManage: false, mine: [] });
  });

  it.each([
    ['end before start', { endAt: '2026-03-10T08:00:00+08:00' }, 'endAt'],
    ['deadline after start', { signupDeadline: '2026-03-11T08:00:00+08:00' }, 'signupDeadline'],
    ['deadline already past', { signupDeadline: '2026-03-02T09:00:00+08:00' }, 'signupDeadline'],
    ['no items', { items: [] }, 'items'],
    [
      'duplicate item names',
      {
        items: [
          { name: '跳绳', mode: 'individual', capacity: 1 },
          { name: '跳绳', mode: 'individual', capacity: 1 },
        ],
      },
      'items',
    ],
    ['team without bounds', { items: [{ name: '拔河', mode: 'team', capacity: 1 }] }, 'items'],
    ['team min above max', { items: [{ name: '拔河', mode: 'team', teamMin: 5, teamMax: 3, capacity: 1 }] }, 'items'],
    ['a time without zone', { startAt: '2026-03-10T08:30:00' }, 'startAt'],
    ['an unknown kind', { kind: 'party' }, 'kind'],
    ['an oversized title', { title: '长'.repeat(61) }, 'title'],
    ['an impossible date', { startAt: '2026-02-30T08:30:00+08:00' }, 'startAt'],
  ])('refuses %s with INVALID_INPUT naming the field, storing nothing', async (_case, patch, field) => {
    const before = await manageCount();
    const res = await t.post('activity.create', { ...activityInput(), ...patch }, organizer);
    expect(res.status).toBe(400);
    expect(errorOf(res).details?.fields?.[0].field.split('.')[0]).toBe(field);
    expect(await manageCount()).toBe(before);
  });

  it.each([
    ['place', { place: '楼下赌博室' }],
    ['items', { items: [{ name: '赌博大赛', mode: 'individual', capacity: 5 }] }],
  ])('refuses a %s that fails the content check (RULE content), storing nothing', async (field, patch) => {
    const before = await manageCount();
    const res = await t.post('activity.create', { ...activityInput(), ...patch }, organizer);
    expect(res.status).toBe(422);
    expect(errorOf(res).details).toMatchObject({ rule: 'content', field });
    expect(await manageCount()).toBe(before);
  });

  it('is for organizers (and admins) only', async () => {
    const res = await t.call('activity.create', activityInput(), await login(t, 'T0010'));
    expect(res.status).toBe(403);
    await t.ok('activity.create', activityInput({ title: '管理员创建' }), await login(t, 'T0001'));
    const list = await t.call('activity.list', { status: 'manage' }, await login(t, 'T0010'));
    expect(errorOf(list).code).toBe('FORBIDDEN');
    const roster = await t.call('activity.roster', { activityId: 'x' }, await login(t, 'T0010'));
    expect(errorOf(roster).code).toBe('FORBIDDEN');
  });
});

describe('update', () => {
  it('edits fields and items; raising a capacity promotes waiters with a notice', async () => {
    const f = await createActivity(t);
    const itemId = f.item('跳绳');
    for (const no of ['T0004', 'T0005', 'T0006'])
      await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, no));
    const items = f.activity.items.map(({ id, name, mode, teamMin, teamMax, capacity }) => ({
      id,
      name,
      mode,
      teamMin,
      teamMax,
      capacity,
    }));
    const { activity } = await t.ok(
      'activity.update',
      {
        activityId: f.activity.id,
        place: '体育馆',
        items: [{ ...items[0], capacity: 3 }, items[1], { name: '踢毽', mode: 'individual', capacity: 5 }],
      },
      organizer,
    );
    expect(activity.place).toBe('体育馆');
    expect(activity.items.map((i) => [i.name, i.capacity, i.confirmed])).toEqual([
      ['跳绳', 3, 3],
      ['拔河', 2, 0],
      ['踢毽', 5, 0],
    ]);
    const kinds = (await t.ok('inbox.list', {}, await login(t, 'T0006'))).items.map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['activity.promoted', 'activity.changed']));
  });

  it('refuses a capacity below the confirmed count and removing an item with entries, changing nothing', async () => {
    const f = await createActivity(t);
    const itemId = f.item('跳绳');
    for (const no of ['T0004', 'T0005'])
      await t.ok('activity.register', { activityId: f.activity.id, itemId }, await login(t, no));
    const items = f.activity.items.map(({ id, name, mode, teamMin, teamMax, capacity }) => ({
      id,
      name,
      mode,
      teamMin,
      teamMax,
      capacity,
    }));
    const lower = await t.call(
      'activity.update',
      { activityId: f.activity.id, title: '新名字', items: [{ ...items[0], capacity: 1 }, items[1]] },
      organizer,
    );
    expect(errorOf(lower).details?.rule).toBe('capacityBelowConfirmed');
    const removed = await t.call('activity.update', { activityId: f.activity.id, items: [items[1]] }, organizer);
    expect(errorOf(removed).details?.rule).toBe('itemHasEntries');
    const after = await t.ok('activity.get', { activityId: f.activity.id }, organizer);
    expect(after.title).toBe('春季职工运动会');
    expect(after.items.map((i) => [i.name, i.capacity])).toEqual([
      ['跳绳', 2],
      ['拔河', 2],
    ]);
  });
});

describe('cancel', () => {
  it('cancels, tells everyone registered, and refuses registrations after it', async () => {
    const f = await createActivity(t);
    await t.ok('activity.register', { activityId: f.activity.id, itemId: f.item('跳绳') }, await login(t, 'T0004'));
    const res = await t.ok('activity.cancel', { activityId: f.activity.id, reason: '天气原因' }, organizer);
    expect(res.activity).toMatchObject({ phase: 'cancelled', cancelReason: '天气原因' });
    expect((await t.ok('activity.cancel', { activityId: f.activity.id, reason: '天气原因' }, organizer)).already).toBe(
      true,
    );
    const notice = (await t.ok('inbox.list', {}, await login(t, 'T0004'))).items.find(
      (m) => m.kind === 'activity.cancelled',
    );
    expect(notice?.body).toContain('天气原因');
    const late = await t.call(
      'activity.register',
      { activityId: f.activity.id, itemId: f.item('跳绳') },
      await login(t, 'T0005'),
    );
    expect(errorOf(late).details?.rule).toBe('cancelled');
    expect((await t.ok('activity.list', { status: 'open' }, organizer)).items.some((a) => a.id === f.activity.id)).toBe(
      false,
    );
    expect(
      (await t.ok('activity.list', { status: 'mine' }, await login(t, 'T0004'))).items.find(
        (a) => a.id === f.activity.id,
      )?.phase,
    ).toBe('cancelled');
  });
});

describe('results', () => {
  it('records placings once the activity has begun and shows them on the activity page', async () => {
    const f = await createActivity(t);
    const tug = f.item('拔河');
    const [a, b] = await Promise.all([
      t.ok(
        'activity.register',
        {
          activityId: f.activity.id,
          itemId: tug,
          team: { name: '甲队', memberStaffIds: await staffIds(t, ['T0011', 'T0012']) },
        },
        await login(t, 'T0010'),
      ),
      t.ok(
        'activity.register',
        {
          activityId: f.activity.id,
          itemId: tug,
          team: { name: '乙队', memberStaffIds: await staffIds(t, ['T0014', 'T0015']) },
        },
        await login(t, 'T0013'),
      ),
    ]);
    const early = await t.call(
      'activity.results',
      { activityId: f.activity.id, placings: [{ entryId: a.entryId, place: 1 }] },
      organizer,
    );
    expect(errorOf(early).details?.rule).toBe('notStarted');

    await t.setClock('2026-03-10T11:40:00+08:00', true);
    const roster = await t.ok('activity.roster', { activityId: f.activity.id }, organizer);
    expect(roster.items[1].entries.map((e) => e.entryId).sort()).toEqual([a.entryId, b.entryId].sort());
    await t.ok(
      'activity.results',
      {
        activityId: f.activity.id,
        placings: [
          { entryId: b.entryId, place: 1 },
          { entryId: a.entryId, place: 2 },
        ],
      },
      organizer,
    );
    const page = await t.ok('activity.get', { activityId: f.activity.id }, await login(t, 'T0020'));
    expect(page.phase).toBe('ended');
    expect(page.items[1].results.map((r) => [r.place, r.label])).toEqual([
      [1, '乙队'],
      [2, '甲队'],
    ]);
    expect(page.items[1].results[0].members).toEqual(['朱浩', '胡婷', '郭鹏']);

    // The placings are the whole list: sending fewer clears the others.
    await t.ok(
      'activity.results',
      { activityId: f.activity.id, placings: [{ entryId: a.entryId, place: 1 }] },
      organizer,
    );
    expect(
      (await t.ok('activity.get', { activityId: f.activity.id }, organizer)).items[1].results.map((r) => r.label),
    ).toEqual(['甲队']);

    const bad = await t.call(
      'activity.results',
      { activityId: f.activity.id, placings: [{ entryId: 'nope', place: 1 }] },
      organizer,
    );
    expect(errorOf(bad).code).toBe('NOT_FOUND');
    const twice = await t.call(
      'activity.results',
      {
        activityId: f.activity.id,
        placings: [
          { entryId: a.entryId, place: 1 },
          { entryId: a.entryId, place: 2 },
        ],
      },
      organizer,
    );
    expect(errorOf(twice).code).toBe('INVALID_INPUT');
  });
});
