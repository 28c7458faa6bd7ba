import { dayDocId } from '../../../server/features/reading/counters';
import { recountAll } from '../../../server/features';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { BODY, readAndCheckIn, sh, staffIdOf, withoutSeededReadings } from './support';

/**
 * Readings led by each party branch's secretary (支部书记领学): the demo's two branches, 王芳 (T0002)
 * the unit's secretary of no branch, T0029 and T0030 the demo's secretaries of 机关第一党支部 and
 * 机关第二党支部. T0021 is in the first branch, T0022 in the second.
 */
const FIRST = '机关第一党支部';
const SECOND = '机关第二党支部';
let t: TestServer;
const tokens: Record<string, string> = {};
const as = async (no: string) => (tokens[no] ??= await t.login(`demo-${no}`));
const publish = async (who: string, date: string, title: string, branch?: string) =>
  t.call('reading.publish', { date, title, body: BODY, ...(branch !== undefined ? { branch } : {}) }, await as(who));

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  await t.setClock(sh('2027-03-01', '05:00:00'), true);
});
afterAll(() => t.stop());

async function readingCount(): Promise<number> {
  const store = t.server.store;
  return (await store.collection('readings').count({})) + (await store.collection('branchReadings').count({}));
}

describe('publishing by branch', () => {
  it('lets two branch secretaries and the unit publish for the same date', async () => {
    expect((await publish('T0002', '2027-03-01', '全单位晨读')).status).toBe(200);
    const first = await publish('T0029', '2027-03-01', '一支部领学');
    expect(first.body).toMatchObject({ ok: true, data: { reading: { branch: FIRST, title: '一支部领学' } } });
    const second = await publish('T0030', '2027-03-01', '二支部领学', SECOND);
    expect(second.body).toMatchObject({ ok: true, data: { reading: { branch: SECOND } } });
    // One per date and scope: the first branch again is a conflict.
    const again = await publish('T0029', '2027-03-01', '一支部重复');
    expect(errorOf(again)).toMatchObject({
      code: 'CONFLICT',
      message: `${FIRST}已于 2027-03-01 发布晨读，请在列表中编辑`,
    });
    const unitAgain = await publish('T0002', '2027-03-01', '全单位重复');
    expect(errorOf(unitAgain).message).toBe('2027-03-01 已发布晨读，请在列表中编辑');
    expect(await readingCount()).toBe(3);
  });

  it("refuses another branch, a branch to the unit's secretary, and an unknown branch, changing nothing", async () => {
    const before = await readingCount();
    const other = await publish('T0029', '2027-03-02', '越权', SECOND);
    expect(other.status).toBe(403);
    expect(errorOf(other).message).toBe(`只能为本支部（${FIRST}）发布晨读`);
    expect((await publish('T0029', '2027-03-02', '越权', '')).status).toBe(403); // '' names the unit
    expect((await publish('T0002', '2027-03-02', '越权', FIRST)).status).toBe(403);
    const unknown = await publish('T0001', '2027-03-02', '不存在', '机关第九党支部');
    expect(unknown.status).toBe(422);
    expect(errorOf(unknown)).toMatchObject({ code: 'RULE', details: { rule: 'unknownBranch', field: 'branch' } });
    expect(errorOf(unknown).message).toMatch(/机关第九党支部/);
    expect(await readingCount()).toBe(before);
  });

  it("lets an admin publish for any branch, and a branch secretary edit only their own branch's", async () => {
    const byAdmin = await publish('T0001', '2027-03-03', '二支部（管理员代发）', SECOND);
    expect(byAdmin.body).toMatchObject({ ok: true, data: { reading: { branch: SECOND } } });
    const id = byAdmin.body.ok ? byAdmin.body.data.reading.id : '';
    // Another branch's reading is not hers to know of: the same answer as reading.get.
    const foreign = await t.call('reading.update', { readingId: id, title: '改' }, await as('T0029'));
    expect(foreign.status).toBe(404);
    const unitOnly = await t.call('reading.update', { readingId: id, title: '改' }, await as('T0002'));
    expect(unitOnly.status).toBe(404);
    const own = await t.ok('reading.update', { readingId: id, title: '二支部领学（修订）' }, await as('T0030'));
    expect(own.reading).toMatchObject({ title: '二支部领学（修订）', branch: SECOND });
  });
});

describe('what a member reads', () => {
  it("gives each member their branch's reading of the day, and the unit's secretary the unit's", async () => {
    await t.setClock(sh('2027-03-01', '07:00:00'), true);
    expect((await t.ok('reading.today', {}, await as('T0021'))).reading).toMatchObject({ title: '一支部领学' });
    expect((await t.ok('reading.today', {}, await as('T0022'))).reading).toMatchObject({ title: '二支部领学' });
    expect((await t.ok('reading.today', {}, await as('T0002'))).reading).toMatchObject({ title: '全单位晨读' });
  });

  it("gives a member of a branch without a reading that day the unit's", async () => {
    await t.setClock(sh('2027-03-01', '05:00:00'), true);
    await publish('T0002', '2027-03-04', '周四全单位');
    await publish('T0029', '2027-03-04', '周四一支部');
    await t.setClock(sh('2027-03-04', '07:00:00'), true);
    expect((await t.ok('reading.today', {}, await as('T0022'))).reading).toMatchObject({ title: '周四全单位' });
    expect((await t.ok('reading.today', {}, await as('T0021'))).reading).toMatchObject({ title: '周四一支部' });
  });

  it("checks a member in on their branch's reading and refuses another branch's as not found", async () => {
    await t.setClock(sh('2027-03-01', '07:00:00'), true);
    const list = await t.ok('reading.list', { month: '2027-03' }, await as('T0021'));
    const mine = list.items.find((r) => r.date === '2027-03-01' && r.branch === FIRST);
    expect(list.items.some((r) => r.branch === SECOND)).toBe(false);
    const admins = await t.ok('reading.list', { month: '2027-03' }, await as('T0001'));
    const theirs = admins.items.find((r) => r.date === '2027-03-01' && r.branch === SECOND);
    expect(mine && theirs).toBeTruthy();
    const refused = await t.call('reading.open', { readingId: theirs?.id ?? '' }, await as('T0021'));
    expect(refused.status).toBe(404);
    const done = await readAndCheckIn(t, await as('T0021'), mine?.id ?? '', '2027-03-01');
    expect(done).toMatchObject({ streak: 1, checkin: { readingId: mine?.id } });
  });
});

describe('a day only a branch has a reading for', () => {
  it("breaks the streak of that branch's members who missed it, and no one else's", async () => {
    // Tuesday the 2nd: only 机关第一党支部 reads. T0021 (first) and T0022 (second) both skip it.
    await t.setClock(sh('2027-03-01', '05:00:00'), true);
    await publish('T0029', '2027-03-02', '周二一支部');
    const list = (await t.ok('reading.list', { month: '2027-03' }, await as('T0022'))).items;
    const [unitMonday, secondMonday] = [undefined, SECOND].map((b) =>
      list.find((r) => r.date === '2027-03-01' && r.branch === b),
    );
    // Her branch has its own reading that Monday: that one is hers to check in on, not the unit's.
    await t.setClock(sh('2027-03-01', '07:00:00'), true);
    await t.ok('reading.open', { readingId: unitMonday?.id ?? '' }, await as('T0022'));
    await t.setClock(sh('2027-03-01', '07:02:00'), true);
    const other = await t.call('checkin.submit', { readingId: unitMonday?.id ?? '' }, await as('T0022'));
    expect(errorOf(other)).toMatchObject({ code: 'RULE', details: { rule: 'otherReading' } });
    await readAndCheckIn(t, await as('T0022'), secondMonday?.id ?? '', '2027-03-01');
    await t.setClock(sh('2027-03-03', '07:00:00'), true);
    expect((await t.ok('reading.today', {}, await as('T0021'))).streak).toBe(0);
    expect((await t.ok('reading.today', {}, await as('T0022'))).streak).toBe(1);
    const cal = async (no: string) =>
      (await t.ok('checkin.calendar', { month: '2027-03' }, await as(no))).days.find((d) => d.date === '2027-03-02');
    expect(await cal('T0021')).toMatchObject({ hasReading: true, state: 'missed' });
    expect((await cal('T0022'))?.hasReading).toBe(false);
  });
});

describe('participation by branch', () => {
  it('equals a count of the records, per branch on its own reading days, and shows a branch secretary only hers', async () => {
    // Thursday the 4th: T0021 checks in on the first's reading while the window is still open, so
    // it is in the month's count and not yet in the rate.
    await t.setClock(sh('2027-03-04', '06:30:00'), true);
    const thursday = (await t.ok('reading.today', {}, await as('T0021'))).reading;
    await readAndCheckIn(t, await as('T0021'), thursday?.id ?? '', '2027-03-04', '07:00:00', '07:02:00');
    await t.setClock(sh('2027-03-04', '08:00:00'), true);
    const p = await t.ok('checkin.participation', { month: '2027-03' }, await as('T0001'));
    const store = t.server.store;
    const records = await store.collection('checkins').find({ month: '2027-03' }, { limit: 1000 });
    const roster = await store.collection('staff').find({ active: true }, { limit: 1000 });
    const readingDays = async (branch: string) => {
      const unit = await store.collection('readings').find({ month: '2027-03' }, { limit: 31 });
      const own = await store.collection('branchReadings').find({ month: '2027-03', branch }, { limit: 31 });
      return new Set([...unit, ...own].map((r) => r.date).filter((d) => d < '2027-03-04'));
    };
    const expected = [];
    for (const branch of [FIRST, SECOND]) {
      const days = await readingDays(branch);
      const mine = records.filter((c) => c.branch === branch);
      const headcount = roster.filter((s) => s.branch === branch).length;
      expected.push({
        branch,
        headcount,
        workdays: days.size,
        participants: new Set(mine.map((c) => c.staffId)).size,
        checkins: mine.length,
        makeups: mine.filter((c) => c.makeup).length,
        rate: mine.filter((c) => days.has(c.date)).length / (headcount * days.size),
      });
    }
    expect(p.byBranch).toEqual(expected);
    // The dashboard shows the same figures.
    const dash = await t.ok('dashboard.summary', { month: '2027-03' }, await as('T0001'));
    expect(dash.reading.branches).toEqual(
      expected.map(({ branch, headcount, participants, rate }) => ({ branch, headcount, participants, rate })),
    );
    expect(expected.map((b) => b.checkins)).toEqual([2, 1]); // T0021 on the first's twice, T0022 on the second's
    // Each reading's count in 晨读管理 is of those who read it.
    const listed = (await t.ok('reading.list', { month: '2027-03' }, await as('T0001'))).items;
    const countOn = (date: string, branch?: string) =>
      listed.find((r) => r.date === date && r.branch === branch)?.checkins;
    expect([countOn('2027-03-01'), countOn('2027-03-01', FIRST), countOn('2027-03-01', SECOND)]).toEqual([0, 1, 1]);
    expect(expected.map((b) => b.workdays)).toEqual([2, 2]); // the first's 1st and 2nd; the 1st and the second's 3rd
    const hers = await t.ok('checkin.participation', { month: '2027-03' }, await as('T0029'));
    expect(hers.byBranch.map((b) => b.branch)).toEqual([FIRST]);
    expect((await t.ok('checkin.participation', { month: '2027-03' }, await as('T0002'))).byBranch).toHaveLength(2);
  });
});

describe('the honor roll by branch', () => {
  // April: the unit reads on the 5th and 6th, the first branch also on the 7th.
  const ids: Record<string, string> = {};
  const roll = async (at: string, branch?: string) => {
    await t.setClock(at, true);
    const r = await t.ok('checkin.honorRoll', { month: '2027-04', ...(branch ? { branch } : {}) }, await as('T0020'));
    return { ...r, who: r.items.map((i) => i.staffNo) };
  };
  beforeAll(async () => {
    await t.setClock(sh('2027-04-05', '05:00:00'), true);
    for (const [who, date] of [
      ['T0002', '2027-04-05'],
      ['T0002', '2027-04-06'],
      ['T0029', '2027-04-07'],
    ]) {
      const res = await publish(who, date, `${date} 晨读`);
      if (res.body.ok) ids[`${who}:${date}`] = res.body.data.reading.id;
    }
    const plan: [string, string, string][] = [
      ['T0025', '2027-04-05', 'T0002:2027-04-05'],
      ['T0025', '2027-04-06', 'T0002:2027-04-06'],
      ['T0025', '2027-04-07', 'T0029:2027-04-07'],
      ['T0027', '2027-04-05', 'T0002:2027-04-05'],
      ['T0027', '2027-04-06', 'T0002:2027-04-06'],
      ['T0024', '2027-04-05', 'T0002:2027-04-05'],
      ['T0024', '2027-04-06', 'T0002:2027-04-06'],
      ['T0026', '2027-04-05', 'T0002:2027-04-05'],
      ['T0002', '2027-04-05', 'T0002:2027-04-05'],
      ['T0002', '2027-04-06', 'T0002:2027-04-06'],
    ];
    for (const [who, day, reading] of plan) await readAndCheckIn(t, await as(who), ids[reading], day);
  });

  it("judges each member on their own branch's reading days", async () => {
    const after = await roll(sh('2027-04-07', '10:00:00'));
    // T0027 missed the first branch's own reading of the 7th; T0026 missed the 6th.
    expect(after).toMatchObject({ workdays: 2, needed: 2, who: ['T0002', 'T0024', 'T0025'] });
    expect(await roll(sh('2027-04-07', '10:00:00'), FIRST)).toMatchObject({
      branch: FIRST,
      workdays: 3,
      needed: 3,
      who: ['T0025'],
    });
    expect((await roll(sh('2027-04-07', '10:00:00'), SECOND)).who).toEqual(['T0024']);
    const unknown = await t.call(
      'checkin.honorRoll',
      { month: '2027-04', branch: '机关第九党支部' },
      await as('T0020'),
    );
    expect(errorOf(unknown)).toMatchObject({ code: 'RULE', details: { rule: 'unknownBranch' } });
  });

  it("leaves today's branch reading out while its window is open, as the unit's", async () => {
    const during = await roll(sh('2027-04-07', '08:00:00'), FIRST);
    expect(during).toMatchObject({ workdays: 2, needed: 2, who: ['T0025', 'T0027'] });
    expect((await roll(sh('2027-04-07', '08:00:00'))).who).toEqual(['T0002', 'T0024', 'T0025', 'T0027']);
  });
});

describe('the list of branches', () => {
  it('names each branch of the roster with its active members and its secretaries, for secretaries and admins', async () => {
    const list = await t.ok('staff.branches', {}, await as('T0002'));
    expect(list.items.map((b) => b.name)).toEqual([FIRST, SECOND]);
    // 40 on the roster, 王芳 in none: 20 in the first branch, 19 in the second.
    expect(list.items.map((b) => b.members)).toEqual([20, 19]);
    expect(list.items[0].secretaries.map((s) => s.name)).toEqual(['彭丹']);
    expect(list.items[1].secretaries.map((s) => s.name)).toEqual(['曾辉']);
    expect((await t.call('staff.branches', {}, await as('T0021'))).status).toBe(403);
  });

  it('follows a role taken away, a move to another branch and a deactivation, as a recount does', async () => {
    const admin = await as('T0001');
    await t.ok('staff.setRoles', { staffId: await staffIdOf(t, 'T0029'), roles: ['staff'] }, admin);
    await t.ok(
      'staff.import',
      { rows: [{ staffNo: 'T0030', name: '曾辉', department: '预算科', branch: FIRST }] },
      admin,
    );
    await t.ok('staff.deactivate', { staffId: await staffIdOf(t, 'T0021') }, admin);
    const list = await t.ok('staff.branches', {}, admin);
    expect(list.items.map((b) => [b.name, b.members, b.secretaries.map((s) => s.name)])).toEqual([
      [FIRST, 20, ['曾辉']],
      [SECOND, 18, []],
    ]);
    expect(await recountAll(t.server.store, { now: new Date(), all: true })).toEqual([]);
  });
});

describe('the day a branch reading comes', () => {
  it("is never today once the unit's window has opened: members may be reading the unit's", async () => {
    await t.setClock(sh('2027-05-03', '05:00:00'), true);
    await publish('T0002', '2027-05-03', '五月三日全单位');
    await t.setClock(sh('2027-05-03', '06:30:00'), true);
    const late = await publish('T0030', '2027-05-03', '迟到的支部晨读');
    expect(errorOf(late)).toMatchObject({ code: 'RULE', details: { rule: 'dayBegun', field: 'date' } });
    // Tomorrow is fine, and so is a day without a unit reading, even today.
    expect((await publish('T0030', '2027-05-04', '明天的支部晨读')).status).toBe(200);
    const moved = await t.call(
      'reading.update',
      {
        readingId:
          (await t.ok('reading.list', { month: '2027-05' }, await as('T0030'))).items.find((r) => r.branch)?.id ?? '',
        date: '2027-05-03',
      },
      await as('T0030'),
    );
    expect(errorOf(moved).details?.rule).toBe('dayBegun');
  });

  it('marks in the lists only the reading a member checked in on, not every reading of that day', async () => {
    // The 1st of March: T0022 checked in on her branch's reading, not on the unit's.
    const items = (await t.ok('reading.list', { month: '2027-03' }, await as('T0001'))).items;
    const unit = items.find((r) => r.date === '2027-03-01' && !r.branch);
    const mine = await t.ok('reading.list', { month: '2027-03' }, await as('T0022'));
    expect(mine.items.filter((r) => r.date === '2027-03-01').map((r) => [r.branch ?? '', r.mine])).toEqual([
      ['', null],
      [SECOND, 'checked'],
    ]);
    expect((await t.ok('reading.get', { readingId: unit?.id ?? '' }, await as('T0022'))).checkin).toBeNull();
  });
});

describe('the counters of a department and a branch', () => {
  it('never share an id, whatever the names hold', () => {
    const ids = [
      dayDocId('2027-03-01', { department: 'A@B' }),
      dayDocId('2027-03-01', { department: 'A', branch: 'B' }),
      dayDocId('2027-03-01', { department: 'A@', branch: 'B' }),
      dayDocId('2027-03-01', { department: 'A', branch: '@B' }),
      dayDocId('2027-03-01', { department: 'A' }),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[4]).toBe('2027-03-01:A'); // no branch: the id as before branches
  });
});
