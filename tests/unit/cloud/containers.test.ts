import { type AppStore, handlers, recountAll, seedDemoIfEmpty } from '../../../server/features';
import { DevClock } from '../../../server/kernel/clock';
import type { StaffDoc } from '../../../server/kernel/member';
import { wordListCheck } from '../../../server/kernel/wordlist';
import { createRouter, type Router } from '../../../server/router';
import type { ApiResult } from '../../../src/core/errors';
import { type CloudApp, startCloudApp } from '../../support/cloud-app';

/**
 * The cloud function as it runs in production: many containers at once, each with its own store
 * object over one CloudBase database (the double, through the real wx-server-sdk), so that no
 * in-process gate orders their transactions: only the database does. Every scenario runs with one
 * container and with eight; a call goes to the next container in turn.
 */
let app: CloudApp;
beforeAll(async () => {
  app = await startCloudApp('tongxin-containers-5e6f');
});
afterAll(() => app.close());

const MONDAY_0730 = '2026-03-01T23:30:00.000Z'; // Monday 2 March, 07:30 in Shanghai
const MEMBERS = 40;
const DEEDS = '他常年坚持义务为社区老人理发、修理家电，十年如一日，从不收取任何费用，深受居民好评。';

interface Cloud {
  store: AppStore;
  clock: DevClock;
  /** One call, in the next container. */
  call(openid: string, action: string, input: unknown): Promise<ApiResult<unknown>>;
  /** One call in the given container. */
  callIn(container: number, openid: string, action: string, input: unknown): Promise<ApiResult<unknown>>;
  ok<T>(openid: string, action: string, input: unknown): Promise<T>;
  close(): Promise<void>;
}

async function startCloud(containers: number): Promise<Cloud> {
  app.double.reset();
  const clock = new DevClock();
  clock.set(new Date(MONDAY_0730), true);
  const stores: AppStore[] = Array.from({ length: containers }, () => app.openStore());
  const [store] = stores;
  await seedDemoIfEmpty(store, clock.now());
  for (let i = 0; i < MEMBERS; i++) await store.collection('staff').insert(member(i));
  // Written past the API: the roster's own counters come from the recount.
  await recountAll(store, { now: clock.now(), all: true });
  const routers: Router[] = stores.map((s) =>
    createRouter({ store: s, clock, handlers, contentCheck: wordListCheck(), log: () => undefined }),
  );
  let next = 0;
  const callIn = async (container: number, openid: string, action: string, input: unknown) =>
    (await routers[container % routers.length].handle({ action, input, openid })).body;
  const cloud: Cloud = {
    store,
    clock,
    callIn,
    call: (openid, action, input) => callIn(next++, openid, action, input),
    async ok<T>(openid: string, action: string, input: unknown) {
      const body = await cloud.call(openid, action, input);
      if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`);
      return body.data as T;
    },
    close: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
  return cloud;
}

function member(i: number): StaffDoc {
  const at = '2026-01-05T00:00:00.000Z';
  return {
    _id: `m${i}`,
    staffNo: `M${String(i).padStart(4, '0')}`,
    name: `成员${i}`,
    department: ['办公室', '预算科', '国库科', '综合科'][i % 4],
    roles: ['staff'],
    active: true,
    openid: `member-${i}`,
    boundAt: at,
    createdAt: at,
    updatedAt: at,
  };
}
const everyone = Array.from({ length: MEMBERS }, (_, i) => `member-${i}`);
const failures = (answers: ApiResult<unknown>[]) =>
  answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : `${a.error.code} ${a.error.message}`));

describe.each([1, 8])('%i container(s) at once', (containers) => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud(containers);
  }, 60_000);
  afterAll(() => cloud.close());

  it('40 simultaneous check-ins: 40 records, every counter exact', async () => {
    const { reading } = await cloud.ok<{ reading: { id: string } }>(everyone[0], 'reading.today', {});
    for (const openid of everyone) await cloud.ok(openid, 'reading.open', { readingId: reading.id });
    cloud.clock.set(new Date(Date.parse(MONDAY_0730) + 61_000), true);
    const answers = await Promise.all(
      everyone.map((openid) => cloud.call(openid, 'checkin.submit', { readingId: reading.id })),
    );
    expect(failures(answers)).toEqual([]);
    expect(await cloud.store.collection('checkins').count({ date: '2026-03-02' })).toBe(MEMBERS);
    expect(await recountAll(cloud.store, { now: cloud.clock.now(), all: true })).toEqual([]);
  }, 60_000);

  it('40 simultaneous sign-ups for 5 seats: 5 confirmed, 35 waiting in places 1–35, none pending', async () => {
    const { event } = await cloud.ok<{ event: { id: string } }>('demo-T0003', 'volunteer.event.create', {
      title: '社区清洁',
      content: '打扫小区公共区域。',
      place: '幸福小区',
      startAt: '2026-03-07T09:00:00+08:00',
      endAt: '2026-03-07T11:00:00+08:00',
      signupDeadline: '2026-03-06T18:00:00+08:00',
      capacity: 5,
    });
    const answers = await Promise.all(
      everyone.map((openid) => cloud.call(openid, 'volunteer.signup', { eventId: event.id })),
    );
    expect(failures(answers)).toEqual([]);
    const entries = await cloud.store.collection('signupEntries').find({ scope: { ne: '' } }, { limit: 1000 });
    const mine = entries.filter((e) => e.holderId.startsWith('m'));
    expect(mine.filter((e) => e.status === 'confirmed')).toHaveLength(5);
    expect(mine.filter((e) => e.status === 'pending')).toHaveLength(0);
    const waiting = mine.filter((e) => e.status === 'waitlisted');
    expect(waiting).toHaveLength(35);
    const places = await Promise.all(
      waiting.map(async (e) => {
        const view = await cloud.ok<{ event: { mine: { position?: number } | null } }>(
          `member-${e.holderId.slice(1)}`,
          'volunteer.event.get',
          { eventId: event.id },
        );
        return view.event.mine?.position ?? null;
      }),
    );
    expect(places.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  }, 60_000);

  it('10 teams register at once for 5 places, then every captain adds a member at once: no one in two teams', async () => {
    const { activity } = await cloud.ok<{ activity: { id: string; items: { id: string; name: string }[] } }>(
      'demo-T0003',
      'activity.create',
      {
        title: '拔河比赛',
        kind: 'sports',
        description: '以队为单位参加。',
        place: '机关操场',
        startAt: '2026-03-10T08:30:00+08:00',
        endAt: '2026-03-10T11:30:00+08:00',
        signupDeadline: '2026-03-06T18:00:00+08:00',
        items: [{ name: '拔河', mode: 'team', teamMin: 3, teamMax: 4, capacity: 5 }],
      },
    );
    const itemId = activity.items[0].id;
    const captains = Array.from({ length: 10 }, (_, t) => 3 * t);
    const registered = await Promise.all(
      captains.map((c) =>
        cloud.call(`member-${c}`, 'activity.register', {
          activityId: activity.id,
          itemId,
          team: { name: `第${c}队`, memberStaffIds: [`m${c + 1}`, `m${c + 2}`] },
        }),
      ),
    );
    expect(failures(registered)).toEqual([]);
    const statuses = registered.map((r) => (r.ok ? (r.data as { status: string }).status : ''));
    expect(statuses.filter((x) => x === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((x) => x === 'waitlisted')).toHaveLength(5);

    const added = await Promise.all(
      captains.map((c, t) =>
        cloud.call(`member-${c}`, 'activity.addMembers', {
          activityId: activity.id,
          itemId,
          memberStaffIds: [`m${30 + t}`],
        }),
      ),
    );
    expect(failures(added)).toEqual([]);
    const live = await cloud.store
      .collection('activityMembers')
      .find({ activityId: activity.id, state: 'active' }, { limit: 1000 });
    expect(live).toHaveLength(40);
    expect(new Set(live.map((m) => m.staffId)).size).toBe(40);
  }, 60_000);

  it('40 simultaneous ballots: 40 stored, tallies exact; a double tap across two containers is one ballot', async () => {
    cloud.clock.set(new Date('2026-03-02T01:00:00Z'), true);
    const admin = 'demo-T0001';
    const { round } = await cloud.ok<{ round: { id: string } }>(admin, 'honor.round.create', {
      title: '多容器评选',
      nominateUntil: '2026-03-06T18:00:00+08:00',
      voteUntil: '2026-03-13T18:00:00+08:00',
    });
    await cloud.ok(admin, 'honor.round.advance', { roundId: round.id, to: 'nominating' });
    const ids: string[] = [];
    for (const nominee of ['T0005', 'T0006', 'T0007', 'T0008']) {
      const [staff] = await cloud.store.collection('staff').find({ staffNo: nominee }, { limit: 1 });
      const n = await cloud.ok<{ nomination: { id: string } }>('demo-T0004', 'honor.nominate', {
        roundId: round.id,
        nomineeStaffId: staff._id,
        kind: 'peer',
        category: '社会公德',
        deeds: DEEDS,
      });
      ids.push(n.nomination.id);
    }
    await cloud.ok(admin, 'honor.round.advance', { roundId: round.id, to: 'reviewing' });
    for (const id of ids) await cloud.ok(admin, 'honor.review', { nominationId: id, decision: 'approve' });
    cloud.clock.set(new Date('2026-03-10T01:00:00Z'), true);
    await cloud.ok(admin, 'honor.round.advance', { roundId: round.id, to: 'voting' });

    // Everyone chooses the first candidate, and two of the others by turn: every ballot meets on ids[0].
    const choice = (i: number) => [ids[0], ids[1 + (i % 3)], ids[1 + ((i + 1) % 3)]];
    const answers = await Promise.all(
      everyone.map((openid, i) => cloud.call(openid, 'honor.vote', { roundId: round.id, nominationIds: choice(i) })),
    );
    expect(failures(answers)).toEqual([]);
    expect(await cloud.store.collection('honorVoters').count({ roundId: round.id })).toBe(MEMBERS);

    const tap = await Promise.all(
      [0, 1].map((c) => cloud.callIn(c, 'demo-T0010', 'honor.vote', { roundId: round.id, nominationIds: [ids[1]] })),
    );
    expect(tap.filter((a) => a.ok)).toHaveLength(1);
    expect(failures(tap)).toEqual(['CONFLICT 您已投过票，选票提交后不可更改']);

    cloud.clock.set(new Date('2026-03-14T01:00:00Z'), true);
    const results = await cloud.ok<{ items: { nomination: { id: string }; votes: number }[]; ballots: number }>(
      admin,
      'honor.results',
      { roundId: round.id },
    );
    const votes = Object.fromEntries(results.items.map((i) => [i.nomination.id, i.votes]));
    const expected = { [ids[0]]: 40, [ids[1]]: 0, [ids[2]]: 0, [ids[3]]: 0 };
    everyone.forEach((_, i) =>
      choice(i)
        .slice(1)
        .forEach((id) => (expected[id] += 1)),
    );
    expected[ids[1]] += 1; // the double tap
    expect(votes).toEqual(expected);
    expect(results.ballots).toBe(MEMBERS + 1);
  }, 60_000);
});
