import { main } from '../../../server/entry/cloud';
import { COLLECTION_SPECS } from '../../../server/features';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import { CloudbaseDouble } from '../../support/cloudbase-double';
import { setCaller, useCloudbaseEnv } from '../../support/cloudbase-env';
import type { Role } from '../../../src/core/roles';
import {
  call,
  ok,
  type Person,
  RISKY_WORD,
  seedRoster,
  startWeChatFront,
  type WeChatFront,
  WXACODE_IMAGE,
} from '../../support/cloud-journey';
import { parseCodeScene, SCENE_PAGE } from '../../../src/core/volunteer/scene';

/**
 * Three members' journeys through the cloud function exactly as WeChat runs it: `main(event, context)`
 * with `{ action, input }`, the caller's OPENID in the per-call environment, wx-server-sdk initialised
 * by `main` itself against the CloudBase double, content checks answered over the SDK's own wire
 * (cloud-journey.ts). `main` reads the system clock, so Date alone is faked (the SDK's sockets and
 * timers stay real) and flows on from a Tuesday 07:30 in Shanghai, which is still Monday in UTC.
 */

const ENV = 'tongxin-journey-4d5e';
const TUESDAY_0730 = Date.parse('2025-03-03T23:30:00Z'); // 2025-03-04 07:30 Asia/Shanghai
const TODAY = '2025-03-04';

const person = (key: string, ...roles: Role[]): Person => ({
  id: `j-${key}`,
  openid: `oJourney-${key}`,
  roles: ['staff', ...roles],
});
const [ADMIN, SECRETARY, ORGANIZER] = [
  person('admin', 'admin'),
  person('sec', 'secretary'),
  person('org', 'organizer'),
];
const [A, B, C, D] = ['a', 'b', 'c', 'd'].map((key) => person(key));

let double: CloudbaseDouble;
let front: WeChatFront;
let restoreEnv: () => void;

beforeAll(async () => {
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
    advanceTimers: true,
    now: TUESDAY_0730,
  });
  double = await CloudbaseDouble.start({
    env: ENV,
    collections: Object.keys(COLLECTION_SPECS),
    indexes: consoleIndexes(COLLECTION_SPECS),
  });
  front = await startWeChatFront(double);
  restoreEnv = useCloudbaseEnv(double, ENV);
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: front.url });
  // The container's first call initialises the SDK; the roster goes in through it.
  setCaller('oJourney-first');
  expect(await main({ action: 'session.me', input: {} }, {})).toMatchObject({ ok: true, data: { staff: null } });
  await seedRoster([ADMIN, SECRETARY, ORGANIZER, A, B, C, D], new Date().toISOString());
}, 30_000);

afterAll(async () => {
  jest.useRealTimers();
  await front?.close();
  await double?.close();
  restoreEnv?.();
});

it('runs on the faked Date, which flows with real timers, the SDK talking to the double', async () => {
  const before = Date.now();
  expect(before - TUESDAY_0730).toBeGreaterThanOrEqual(0);
  expect(before - TUESDAY_0730).toBeLessThan(60_000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(Date.now()).toBeGreaterThan(before);
  expect(double.requests.some((r) => r.body.collectionName === 'staff')).toBe(true);
});

it('晨读: open today’s reading, read the minimum time, check in once; a repeat answers already', async () => {
  const { reading } = await ok<{ reading: { id: string } }>(SECRETARY.openid, 'reading.publish', {
    date: TODAY,
    title: '学习贯彻党的二十届三中全会精神',
    body: '进一步全面深化改革，推进中国式现代化。'.repeat(5),
  });
  const today = await ok<{ date: string; reading: { id: string } }>(A.openid, 'reading.today');
  expect(today).toMatchObject({ date: TODAY, reading: { id: reading.id } });

  const opened = await ok<{ openedAt: string; readyAt: string }>(A.openid, 'reading.open', { readingId: reading.id });
  expect(Date.parse(opened.readyAt) - Date.parse(opened.openedAt)).toBe(60_000);
  // The server's clock decides: too soon is refused with the seconds left.
  expect(await call(A.openid, 'checkin.submit', { readingId: reading.id })).toMatchObject({
    ok: false,
    error: { code: 'RULE', details: { rule: 'minReading' } },
  });
  jest.setSystemTime(Date.parse(opened.openedAt) + 61_000);

  // A note goes through WeChat's check: a risky one is refused and nothing is stored.
  expect(await call(A.openid, 'checkin.submit', { readingId: reading.id, note: `心得：${RISKY_WORD}` })).toMatchObject({
    ok: false,
    error: { code: 'RULE', details: { rule: 'content', field: 'note' } },
  });
  expect(double.stored('checkins')).toHaveLength(0);

  const first = await ok(A.openid, 'checkin.submit', {
    readingId: reading.id,
    note: '改革开放是决定当代中国命运的关键一招',
  });
  expect(first).toMatchObject({ checkin: { date: TODAY, readingId: reading.id, makeup: false }, streak: 1 });
  expect(first.already).toBeUndefined();
  expect(front.checked).toContain('改革开放是决定当代中国命运的关键一招');

  const again = await ok(A.openid, 'checkin.submit', { readingId: reading.id });
  expect(again).toMatchObject({ already: true, streak: 1, checkin: { id: (first.checkin as { id: string }).id } });
  // Stored under Shanghai's day, though it is still 2025-03-03 in UTC.
  const stored = double.stored('checkins');
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ staffId: A.id, date: TODAY, readingId: reading.id, minutes: 20 });
  expect(double.stored('readingOpens')).toEqual([expect.objectContaining({ _id: `${reading.id}:${A.id}` })]);
});

it('志愿服务: one seat; B waits at place 1, takes the seat when A cancels and hears about it', async () => {
  const { event } = await ok<{ event: { id: string } }>(ORGANIZER.openid, 'volunteer.event.create', {
    title: '社区垃圾分类宣传',
    content: '在幸福社区向居民讲解垃圾分类投放要求。',
    place: '幸福社区服务站',
    startAt: '2025-03-08T01:00:00Z',
    endAt: '2025-03-08T04:00:00Z',
    capacity: 1,
    signupDeadline: '2025-03-07T10:00:00Z',
  });
  expect(await ok(A.openid, 'volunteer.signup', { eventId: event.id })).toMatchObject({ status: 'confirmed' });
  expect(await ok(B.openid, 'volunteer.signup', { eventId: event.id })).toMatchObject({
    status: 'waitlisted',
    position: 1,
  });
  expect(await ok(B.openid, 'inbox.list')).toMatchObject({ total: 0 });

  await ok(A.openid, 'volunteer.cancel', { eventId: event.id });
  expect(await ok(B.openid, 'volunteer.signup', { eventId: event.id })).toMatchObject({
    status: 'confirmed',
    already: true,
  });
  const inbox = await ok<{ items: { kind: string; title: string; read: boolean }[]; unread: number }>(
    B.openid,
    'inbox.list',
  );
  expect(inbox.unread).toBe(1);
  expect(inbox.items).toEqual([
    expect.objectContaining({ kind: 'volunteer.promoted', title: '候补转正：社区垃圾分类宣传', read: false }),
  ]);
  expect((await ok<{ items: unknown[] }>(A.openid, 'inbox.list')).items).toHaveLength(0);

  // A's cancel is a status change, never a delete; the seat count holds.
  const entries = double.stored('signupEntries').filter((e) => e.slotId === `volunteer:${event.id}`);
  expect(entries.map((e) => [e.holderId, e.status]).sort()).toEqual([
    [A.id, 'cancelled'],
    [B.id, 'confirmed'],
  ]);
  expect(entries.find((e) => e.holderId === B.id)?.promotedAt).toEqual(expect.any(String));
  expect(double.stored('signupSlots').find((s) => s._id === `volunteer:${event.id}`)).toMatchObject({
    capacity: 1,
    confirmed: 1,
    seatsLeft: 0,
    waiting: 0,
  });
});

const EVENT_TEMPLATE = 'EvTmpl_0123456789abcdefGHIJ';

async function onePromotion(title: string): Promise<void> {
  const { event } = await ok<{ event: { id: string } }>(ORGANIZER.openid, 'volunteer.event.create', {
    title,
    content: '在幸福社区向居民讲解垃圾分类投放要求。',
    place: '幸福社区服务站',
    startAt: '2025-03-09T01:00:00Z',
    endAt: '2025-03-09T04:00:00Z',
    capacity: 1,
    signupDeadline: '2025-03-08T10:00:00Z',
  });
  await ok(A.openid, 'volunteer.signup', { eventId: event.id });
  await ok(B.openid, 'volunteer.signup', { eventId: event.id });
  await ok(A.openid, 'volunteer.cancel', { eventId: event.id });
}

it('订阅消息: a promotion goes to WeChat for a consenter; a template WeChat refuses still leaves the inbox notice', async () => {
  const settings = await ok<{ subscribe: Record<string, { templateId: string; fields: string }> }>(
    ADMIN.openid,
    'settings.get',
  );
  await ok(ADMIN.openid, 'settings.update', {
    subscribe: { ...settings.subscribe, event: { ...settings.subscribe.event, templateId: EVENT_TEMPLATE } },
  });
  await ok(B.openid, 'notice.consent', { accepted: [EVENT_TEMPLATE] });
  await ok(B.openid, 'notice.consent', { accepted: [EVENT_TEMPLATE] });
  front.sent.length = 0;
  await onePromotion('敬老院陪伴');
  expect(front.sent).toEqual([
    expect.objectContaining({ touser: B.openid, template_id: EVENT_TEMPLATE, miniprogram_state: 'formal' }),
  ]);
  expect((front.sent[0].data as Record<string, { value: string }>).thing1.value).toBe('敬老院陪伴');

  front.subscribeAnswer = { errcode: 40037, errmsg: 'invalid template_id' };
  await onePromotion('图书馆整理');
  front.subscribeAnswer = { errcode: 0, errmsg: 'ok' };
  const inbox = await ok<{ items: { title: string }[] }>(B.openid, 'inbox.list');
  expect(inbox.items.map((i) => i.title)).toContain('候补转正：图书馆整理');
  const log = await ok<{ items: { title: string; status: string; reason?: string }[] }>(ADMIN.openid, 'notice.log');
  expect(log.items[0]).toMatchObject({
    title: '候补转正：图书馆整理',
    status: 'failed',
    reason: expect.stringContaining('40037'),
  });
  expect(log.items[1]).toMatchObject({ title: '候补转正：敬老院陪伴', status: 'sent' });
});

it('现场签到: the organizer’s screen shows WeChat’s code; its scene opens the sign-in with the code; a refusal is coded', async () => {
  const { event } = await ok<{ event: { id: string } }>(ORGANIZER.openid, 'volunteer.event.create', {
    title: '社区义诊引导',
    content: '在社区卫生服务中心引导居民排队就诊。',
    place: '社区卫生服务中心',
    startAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    endAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    capacity: 3,
    signupDeadline: new Date(Date.now() + 10 * 60_000).toISOString(),
  });
  await ok(C.openid, 'volunteer.signup', { eventId: event.id });
  front.codes.length = 0;
  const shown = await ok<{ code: string; image: string }>(ORGANIZER.openid, 'volunteer.code.image', {
    eventId: event.id,
    envVersion: 'trial',
  });
  expect(shown.image).toBe(`data:image/jpeg;base64,${WXACODE_IMAGE.toString('base64')}`);
  expect(front.codes).toEqual([
    expect.objectContaining({ scene: `${event.id}.${shown.code}`, page: SCENE_PAGE, env_version: 'trial' }),
  ]);
  expect(String(front.codes[0].scene).length).toBeLessThanOrEqual(32);
  // The camera opens SCENE_PAGE with ?scene= as WeChat encodes it; the page reads it back.
  const scanned = parseCodeScene(encodeURIComponent(String(front.codes[0].scene)));
  expect(scanned).toEqual({ eventId: event.id, code: shown.code });
  expect(await ok(C.openid, 'volunteer.signin', scanned)).toMatchObject({ signInAt: expect.any(String) });

  front.codeRefusal = { errcode: 41030, errmsg: 'invalid page rid: 6520a1b2' };
  const refused = await call(ORGANIZER.openid, 'volunteer.code.image', { eventId: event.id, envVersion: 'release' });
  front.codeRefusal = null;
  expect(refused).toMatchObject({ ok: false, error: { code: 'RULE', details: { rule: 'wxacode', errCode: 41030 } } });
  // The screen falls back to the digits, which still sign in.
  expect(await ok(ORGANIZER.openid, 'volunteer.code', { eventId: event.id })).toMatchObject({ code: shown.code });
});

it('好人榜: a round moved through its phases; C votes once, a repeat is CONFLICT, nothing links C to the choice', async () => {
  const { round } = await ok<{ round: { id: string } }>(ADMIN.openid, 'honor.round.create', {
    title: '2025年第一季度好人榜',
    nominateUntil: '2025-03-10T10:00:00Z',
    voteUntil: '2025-03-20T10:00:00Z',
  });
  const advance = (to: string) => ok(ADMIN.openid, 'honor.round.advance', { roundId: round.id, to });
  await advance('nominating');
  const deeds = '多年如一日照顾生病的邻居老人，义务为社区修理电器，群众口碑很好。'.repeat(2);
  const { nomination } = await ok<{ nomination: { id: string } }>(A.openid, 'honor.nominate', {
    roundId: round.id,
    nomineeStaffId: D.id,
    kind: 'peer',
    category: '社会公德',
    deeds,
  });
  expect(await call(C.openid, 'honor.vote', { roundId: round.id, nominationIds: [nomination.id] })).toMatchObject({
    ok: false,
    error: { code: 'RULE', details: { rule: 'phase' } },
  });
  await advance('reviewing');
  await ok(ADMIN.openid, 'honor.review', { nominationId: nomination.id, decision: 'approve' });
  await advance('voting');

  const ballot = { roundId: round.id, nominationIds: [nomination.id] };
  expect(await ok(C.openid, 'honor.vote', ballot)).toMatchObject({ chosen: 1 });
  expect(await call(C.openid, 'honor.vote', ballot)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(await call(D.openid, 'honor.vote', ballot)).toMatchObject({ ok: false, error: { code: 'RULE' } }); // self

  // The marker says that C voted, and nothing else; the tallies count, and say by whom nothing.
  const visible = (doc: Record<string, unknown>) => Object.keys(doc).filter((k) => !k.startsWith('_cb_'));
  const voters = double.stored('honorVoters');
  expect(voters).toHaveLength(1);
  expect(voters[0]).toMatchObject({ roundId: round.id, staffId: C.id });
  expect(visible(voters[0]).sort()).toEqual(['_id', 'roundId', 'staffId']);
  const tallies = double.stored('honorTallies').filter((t) => t.nominationId === nomination.id);
  expect(tallies.reduce((n, t) => n + Number(t.votes), 0)).toBe(1);
  for (const t of tallies) expect(visible(t).sort()).toEqual(['_id', 'nominationId', 'roundId', 'shard', 'votes']);
  // No stored document anywhere names both the voter and the choice.
  const linked = Object.keys(COLLECTION_SPECS).flatMap((name) =>
    double
      .stored(name)
      .map((doc) => JSON.stringify(doc))
      .filter((text) => text.includes(nomination.id) && text.includes(C.id))
      .map((text) => `${name}: ${text}`),
  );
  expect(linked).toEqual([]);
  expect(double.stored('honorTallies').length).toBeGreaterThan(0);
});
