import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { createActivity, login, MONDAY_10 } from './support';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

it('the demo seed has an open activity with an individual and a team item, registrations, and a past one with results', async () => {
  const me = await login(t, 'T0010');
  const open = await t.ok('activity.list', { status: 'open' }, me);
  const sports = open.items.find((a) => a.title === '职工健步走暨拔河比赛');
  expect(sports).toMatchObject({ phase: 'open', kind: 'sports', myItemCount: 1 });
  expect(sports?.items.map((i) => i.mode)).toEqual(expect.arrayContaining(['individual', 'team']));
  expect(sports?.items.find((i) => i.name === '拔河')).toMatchObject({ confirmed: 2, seatsLeft: 2 });
  const detail = await t.ok('activity.get', { activityId: sports?.id ?? '' }, me);
  expect(detail.mine[0]).toMatchObject({ captain: false, team: { name: '预算科联队', complete: true } });

  const past = await t.ok('activity.list', { status: 'past' }, me);
  const singing = past.items.find((a) => a.kind === 'singing');
  expect(singing?.phase).toBe('ended');
  const results = (await t.ok('activity.get', { activityId: singing?.id ?? '' }, me)).items[0].results;
  expect(results.map((r) => r.place)).toEqual([1, 2, 3]);
});

it('lists open / mine / past, by kind, with seats left per item', async () => {
  await t.setClock(MONDAY_10, true);
  const a = await createActivity(t, { title: '运动会A' });
  const b = await createActivity(t, {
    title: '道德讲堂B',
    kind: 'lecture',
    items: [{ name: '听讲', mode: 'individual', capacity: 50 }],
  });
  const c = await createActivity(t, {
    title: '风筝C',
    kind: 'kite',
    startAt: '2026-03-03T09:00:00+08:00',
    endAt: '2026-03-03T11:00:00+08:00',
    signupDeadline: '2026-03-02T18:00:00+08:00',
  });
  const me = await login(t, 'T0021');
  await t.ok('activity.register', { activityId: a.activity.id, itemId: a.item('跳绳') }, me);
  await t.ok('activity.register', { activityId: c.activity.id, itemId: c.item('跳绳') }, me);
  await t.setClock('2026-03-04T09:00:00+08:00', true);

  const mineOnly = (items: { id: string }[]) =>
    items.map((x) => x.id).filter((id) => [a, b, c].some((f) => f.activity.id === id));
  const open = await t.ok('activity.list', { status: 'open' }, me);
  expect(mineOnly(open.items)).toEqual([a.activity.id, b.activity.id]);
  expect(open.items.find((x) => x.id === a.activity.id)).toMatchObject({ myItemCount: 1, phase: 'open' });
  expect(open.items.find((x) => x.id === a.activity.id)?.items[0]).toMatchObject({
    name: '跳绳',
    seatsLeft: 1,
    capacity: 2,
  });

  expect(mineOnly((await t.ok('activity.list', { status: 'open', kind: 'lecture' }, me)).items)).toEqual([
    b.activity.id,
  ]);
  expect(mineOnly((await t.ok('activity.list', { status: 'past' }, me)).items)).toEqual([c.activity.id]);
  expect(mineOnly((await t.ok('activity.list', { status: 'mine' }, me)).items)).toEqual([a.activity.id, c.activity.id]);
  expect(mineOnly((await t.ok('activity.list', { status: 'mine', kind: 'kite' }, me)).items)).toEqual([c.activity.id]);
});

it('answers malformed list and get input with 4xx', async () => {
  const me = await login(t, 'T0010');
  expect((await t.post('activity.list', { status: 'all' }, me)).status).toBe(400);
  expect((await t.post('activity.list', { page: 0 }, me)).status).toBe(400);
  expect((await t.post('activity.get', { activityId: 'x'.repeat(100) }, me)).status).toBe(400);
  const missing = await t.call('activity.get', { activityId: 'nope' }, me);
  expect(errorOf(missing).code).toBe('NOT_FOUND');
  expect((await t.post('activity.register', { activityId: 'a', itemId: 'b', extra: 1 }, me)).status).toBe(400);
  expect((await t.post('activity.register', '[1,2', me)).status).toBe(400);
});
