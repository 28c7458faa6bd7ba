import { localSender, noMiniCode } from '../../../server/kernel/wechat';
import { noCache } from '../../../server/kernel/cache';
import { activityLeaveTeam, activityWithdraw } from '../../../server/features/activity/actions/leave';
import { wordListCheck } from '../../../server/kernel/wordlist';
import type { Collections } from '../../../server/features';
import type { Ctx } from '../../../server/kernel/context';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createActivity, login, MONDAY_10, staffIds } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_10, true);
});
afterAll(() => t.stop());

/** Imports `count` extra members (T1001…), binds the first `bound` of them, and answers their ids and tokens. */
async function crowd(count: number, bound: number): Promise<{ ids: string[]; tokens: string[] }> {
  const admin = await login(t, 'T0001');
  const rows = Array.from({ length: count }, (_, i) => ({
    staffNo: `T${1001 + i}`,
    name: `队员${1001 + i}`,
    department: '综合科',
  }));
  expect((await t.ok('staff.import', { rows }, admin)).created).toBe(count);
  const ids: string[] = [];
  for (let page = 1; ids.length < count; page++) {
    const res = await t.ok('staff.list', { q: 'T1', page }, admin);
    ids.push(...res.items.filter((s) => /^T1\d{3}$/.test(s.staffNo)).map((s) => s.id));
    if (res.items.length === 0) break;
  }
  const tokens: string[] = [];
  for (const row of rows.slice(0, bound)) {
    const token = await t.login(`crowd-${row.staffNo}`);
    await t.ok('staff.bind', { staffNo: row.staffNo, name: row.name }, token);
    tokens.push(token);
  }
  return { ids, tokens };
}

it('100 concurrent team registrations for 10 team slots: exactly 10 confirmed, 90 waitlisted in dense order', async () => {
  const f = await createActivity(t, {
    items: [{ name: '双人板鞋', mode: 'team', teamMin: 2, teamMax: 2, capacity: 10 }],
  });
  const itemId = f.item('双人板鞋');
  const { ids, tokens } = await crowd(200, 100);
  expect(ids).toHaveLength(200);
  const results = await Promise.all(
    tokens.map((token, i) =>
      t.ok(
        'activity.register',
        { activityId: f.activity.id, itemId, team: { name: `第${i + 1}队`, memberStaffIds: [ids[100 + i]] } },
        token,
      ),
    ),
  );
  expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(10);
  const waiting = results
    .filter((r) => r.status === 'waitlisted')
    .map((r) => r.position)
    .sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(waiting).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));

  const roster = await t.ok('activity.roster', { activityId: f.activity.id }, f.organizer);
  const [item] = roster.items;
  expect(item.item).toMatchObject({ capacity: 10, confirmed: 10, waitlisted: 90, seatsLeft: 0 });
  expect(item.entries.filter((e) => e.status === 'confirmed')).toHaveLength(10);
  expect(item.entries.filter((e) => e.status === 'waitlisted')).toHaveLength(90);
});

it('a person named in two teams of one item by two captains at once ends in one team only', async () => {
  const f = await createActivity(t, {
    items: [{ name: '三人篮球', mode: 'team', teamMin: 2, teamMax: 3, capacity: 20 }],
  });
  const itemId = f.item('三人篮球');
  const organizerView = async () =>
    (await t.ok('activity.roster', { activityId: f.activity.id }, f.organizer)).items[0].entries;
  // Ten rounds, each with a fresh pair of captains naming the same person at the same moment.
  for (let round = 0; round < 10; round++) {
    const base = 4 + round * 2;
    const [captainA, captainB] = [`T${String(base).padStart(4, '0')}`, `T${String(base + 1).padStart(4, '0')}`];
    const [shared, onlyB] = await staffIds(t, [
      `T${String(31 + (round % 10)).padStart(4, '0')}`,
      `T${String(24 + (round % 6)).padStart(4, '0')}`,
    ]);
    const [a, b] = await Promise.all([
      t.call(
        'activity.register',
        { activityId: f.activity.id, itemId, team: { name: `A${round}`, memberStaffIds: [shared] } },
        await login(t, captainA),
      ),
      t.call(
        'activity.register',
        { activityId: f.activity.id, itemId, team: { name: `B${round}`, memberStaffIds: [shared, onlyB] } },
        await login(t, captainB),
      ),
    ]);
    const oks = [a, b].filter((r) => r.body.ok);
    expect(oks).toHaveLength(1);
    const loser = a.body.ok ? b : a;
    expect(errorOf(loser).code).toBe('CONFLICT');
    const entries = await organizerView();
    expect(entries.filter((e) => e.members.some((m) => m.staffId === shared))).toHaveLength(1);
    // Clean up so that the next round starts from an empty item.
    const winner = a.body.ok ? captainA : captainB;
    await t.ok('activity.withdraw', { activityId: f.activity.id, itemId }, await login(t, winner));
    expect(await organizerView()).toEqual([]);
  }
});

/**
 * Handlers called directly on the server's store: over local HTTP each request runs to its end
 * before the next is read (better-sqlite3 never yields), so requests cannot interleave there; on
 * CloudBase every store operation is a network call and they do. Here they interleave at every await.
 */
async function direct(staffNo: string): Promise<Ctx<Collections>> {
  const [staff] = await t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return {
    store: t.server.store,
    clock: { now: () => new Date(MONDAY_10) },
    caller: { openid: staff.openid ?? null, staff, roles: staff.roles },
    requestId: 'test',
    contentCheck: wordListCheck(),
    miniCode: noMiniCode,
    subscribe: localSender,
    settings: async () => DEFAULT_SETTINGS,
    cache: noCache,
    auditTarget: () => undefined,
  };
}

it('withdrawing or leaving many times at once gives back one item of the quota, never more', async () => {
  const f = await createActivity(t, {
    maxItemsPerPerson: 2,
    items: [
      { name: '甲', mode: 'individual', capacity: 5 },
      { name: '乙', mode: 'individual', capacity: 5 },
      { name: '丙', mode: 'individual', capacity: 5 },
      { name: '接力', mode: 'team', teamMin: 2, teamMax: 3, capacity: 5 },
    ],
  });
  const activityId = f.activity.id;
  const refusal = async (token: string, itemId: string) => {
    const res = await t.call('activity.register', { activityId, itemId }, token);
    return res.body.ok ? null : errorOf(res).details?.rule;
  };

  // A captain withdraws the same registration ten times at once.
  const me = await login(t, 'T0020');
  await t.ok('activity.register', { activityId, itemId: f.item('甲') }, me);
  await t.ok('activity.register', { activityId, itemId: f.item('乙') }, me);
  const meCtx = await direct('T0020');
  await Promise.all(Array.from({ length: 10 }, () => activityWithdraw({ activityId, itemId: f.item('甲') }, meCtx)));
  await t.ok('activity.register', { activityId, itemId: f.item('丙') }, me);
  expect(await refusal(me, f.item('甲'))).toBe('itemLimit');

  // A member leaves the same team ten times at once.
  const captain = await login(t, 'T0021');
  const [memberId] = await staffIds(t, ['T0022']);
  const member = await login(t, 'T0022');
  await t.ok(
    'activity.register',
    { activityId, itemId: f.item('接力'), team: { name: '快马', memberStaffIds: [memberId] } },
    captain,
  );
  await t.ok('activity.register', { activityId, itemId: f.item('甲') }, member);
  const memberCtx = await direct('T0022');
  await Promise.all(
    Array.from({ length: 10 }, () => activityLeaveTeam({ activityId, itemId: f.item('接力') }, memberCtx)),
  );
  await t.ok('activity.register', { activityId, itemId: f.item('乙') }, member);
  expect(await refusal(member, f.item('丙'))).toBe('itemLimit');
});

it('a team withdrawn or left many times at once sends each notice once', async () => {
  const f = await createActivity(t, { items: [{ name: '接力', mode: 'team', teamMin: 2, teamMax: 4, capacity: 5 }] });
  const activityId = f.activity.id;
  const itemId = f.item('接力');
  const notices = async (staffNo: string, kind: string) =>
    (await t.ok('inbox.list', {}, await login(t, staffNo))).items.filter(
      (m) => m.kind === kind && m.link?.includes(activityId),
    ).length;

  const captain = await login(t, 'T0023');
  await t.ok(
    'activity.register',
    { activityId, itemId, team: { name: '飞燕', memberStaffIds: await staffIds(t, ['T0024', 'T0025', 'T0026']) } },
    captain,
  );
  const leaver = await direct('T0024');
  await Promise.all(Array.from({ length: 10 }, () => activityLeaveTeam({ activityId, itemId }, leaver)));
  expect(await notices('T0023', 'activity.memberLeft')).toBe(1);

  const captainCtx = await direct('T0023');
  await Promise.all(Array.from({ length: 10 }, () => activityWithdraw({ activityId, itemId }, captainCtx)));
  expect(await notices('T0025', 'activity.teamWithdrawn')).toBe(1);
  expect(await notices('T0026', 'activity.teamWithdrawn')).toBe(1);
  expect(await notices('T0024', 'activity.teamWithdrawn')).toBe(0);
});
