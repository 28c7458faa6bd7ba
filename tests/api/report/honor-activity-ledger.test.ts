import type { CellValue, Worksheet } from 'exceljs';
import { startTestServer, type TestServer } from '../support/harness';
import { AT, DEEDS, HonorDriver } from '../honor/support';
import { activityInput } from '../activity/support';
import { column, exportFile, headerRow, rowsOf, sheet, widthsSet } from './support';

/** 好人榜 and 文体活动 exports, and the ledger that puts every section behind a cover. */
let t: TestServer;
let h: HonorDriver;
let admin: string;
const march = { from: '2026-03-01', to: '2026-03-31' } as const;

beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
  admin = await h.as('T0001');
  // An activity with an individual item (2 seats, a third waits) and a team item, placed afterwards.
  await t.setClock('2026-03-02T10:00:00+08:00', true);
  const { activity } = await t.ok('activity.create', activityInput({ title: '@春季运动会' }), await h.as('T0003'));
  const [rope, tug] = activity.items.map((i) => i.id);
  for (const no of ['T0004', 'T0005', 'T0006']) {
    await t.ok('activity.register', { activityId: activity.id, itemId: rope }, await h.as(no));
  }
  const team = { name: '甲队', memberStaffIds: [await h.staffId('T0011'), await h.staffId('T0012')] };
  const { entryId } = await t.ok(
    'activity.register',
    { activityId: activity.id, itemId: tug, team },
    await h.as('T0010'),
  );

  const { round, ids } = await h.voting(['T0005', 'T0006'], ['T0007']);
  for (const no of ['T0020', 'T0021', 'T0022']) {
    await t.ok('honor.vote', { roundId: round.id, nominationIds: [ids.T0005] }, await h.as(no));
  }
  await h.at(AT.select);
  await t.ok('honor.select', { roundId: round.id, nominationIds: [ids.T0005] }, admin);
  const objection = '据我了解，该同志的部分事迹与实际情况不符，请核实。';
  await t.ok('honor.object', { roundId: round.id, nominationId: ids.T0005, text: objection }, await h.as('T0020'));
  await t.ok('activity.results', { activityId: activity.id, placings: [{ entryId, place: 1 }] }, await h.as('T0003'));

  // The mailbox's shape is fixed (server/features/mailbox/collections.ts); its actions are not built yet.
  const mail = (id: string, category: '投诉' | '建议', status: 'open' | 'replied', createdAt: string) => ({
    _id: id,
    subject: '关于食堂',
    body: '=cmd|x',
    category,
    anonymous: true,
    staffId: null,
    staffName: null,
    department: null,
    codeHash: id,
    status,
    replies: [],
    createdAt,
    updatedAt: createdAt,
  });
  const mailbox = t.server.store.collection('mailbox');
  await mailbox.insert(mail('m1', '投诉', 'open', '2026-03-05T02:00:00.000Z'));
  await mailbox.insert(mail('m2', '建议', 'replied', '2026-03-31T15:59:00.000Z'));
  await mailbox.insert(mail('m3', '建议', 'open', '2026-03-31T16:00:00.000Z')); // 1 April in Shanghai
});
afterAll(() => t.stop());

it('exports the round: nominations, reviews, summed tallies, winners and objection counts', async () => {
  const { workbook } = await exportFile(t, { kind: 'honor', ...march }, admin);
  const rounds = sheet(workbook, '评选轮次');
  expect(rowsOf(rounds)).toHaveLength(1);
  expect(rowsOf(rounds)[0].slice(7)).toEqual([3, 2, 3, 1, 1]);
  const noms = sheet(workbook, '提名与结果');
  expect(column(noms, '工号')).toEqual(['T0005', 'T0006', 'T0007']);
  expect(column(noms, '审核结果')).toEqual(['已通过', '已通过', '未通过']);
  expect(column(noms, '得票')).toEqual([3, 0, '']);
  expect(column(noms, '评选结果')).toEqual(['当选', '', '']);
  expect(column(noms, '异议数')).toEqual([1, 0, 0]);
  expect(rowsOf(sheet(workbook, '当选名单'))).toEqual([
    ['测试评选', 'T0005', expect.any(String), expect.any(String), '职业道德', DEEDS],
  ]);
  // Objections are counted, never quoted.
  for (const ws of workbook.worksheets) ws.eachRow((r) => expect(JSON.stringify(r.values)).not.toContain('据我了解'));
});

it('hides tallies before voting closes', async () => {
  await h.at('2026-03-11T09:00:00+08:00');
  const { round, ids } = await h.voting(['T0008'], [], { title: '第二轮' });
  await t.ok('honor.vote', { roundId: round.id, nominationIds: [ids.T0008] }, await h.as('T0020'));
  const { workbook } = await exportFile(t, { kind: 'honor', ...march }, admin);
  const noms = sheet(workbook, '提名与结果');
  const at = column(noms, '评选名称').indexOf('第二轮');
  expect(column(noms, '得票')[at]).toBe('投票截止后公布');
  await h.at(AT.select);
});

it('exports each item’s roster with teams, waitlist and placings', async () => {
  const { workbook } = await exportFile(t, { kind: 'activity', ...march }, admin);
  const roster = sheet(workbook, '报名名单');
  expect(column(roster, '项目')).toEqual(['跳绳', '跳绳', '跳绳', '拔河']);
  expect(column(roster, '报名状态')).toEqual(['已确认', '已确认', '候补', '已确认']);
  expect(column(roster, '活动名称')[0]).toBe("'@春季运动会");
  expect(column(roster, '人数')).toEqual([1, 1, 1, 3]);
  expect(String(column(roster, '成员（姓名、工号、部门）')[3])).toMatch(/T0010.*队长.*、.*T0011/);
  expect(column(roster, '名次')).toEqual(['', '', '', 1]);
  expect(column(sheet(workbook, '活动项目'), '已确认报名')).toEqual([2, 1]);
  const { file } = await exportFile(t, { kind: 'activity', from: '2026-04-01', to: '2026-04-30' }, admin);
  expect(file.rows).toBe(0);
});

const rowWith = (ws: Worksheet, first: string): CellValue[] => {
  let found: CellValue[] = [];
  ws.eachRow((r) => {
    const values = (r.values as CellValue[]).slice(1);
    if (values[0] === first) found = values;
  });
  return found;
};

it('puts a cover and one sheet per section into the ledger, mailbox by category and status only', async () => {
  const { file, workbook } = await exportFile(t, { kind: 'ledger', ...march }, admin);
  expect(file.fileName).toBe('创建台账_2026-03-01_2026-03-31.xlsx');
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    '封面',
    '学习',
    '志愿服务',
    '好人榜',
    '文体活动',
    '投诉建议',
  ]);
  const cover = sheet(workbook, '封面');
  const { unitName } = await t.ok('settings.get', {}, admin);
  expect(rowWith(cover, '单位名称')[1]).toBe(unitName);
  expect(rowWith(cover, '台账期间')[1]).toBe('2026-03-01 至 2026-03-31');
  expect(rowWith(cover, '生成时间')[1]).toBe('2026-03-16 10:00');
  expect(rowWith(cover, '好人榜当选（人）')[1]).toBe(1);
  expect(rowWith(cover, '文体活动报名（个，已确认）')[1]).toBe(3);
  expect(rowWith(cover, '投诉建议（件）')[1]).toBe(2);
  const mail = sheet(workbook, '投诉建议');
  expect(rowWith(mail, '投诉')).toEqual(['投诉', 1, 0, 0, 1]);
  expect(rowWith(mail, '建议')).toEqual(['建议', 0, 1, 0, 1]);
  expect(rowWith(mail, '合计')).toEqual(['合计', 1, 1, 0, 2]);
  for (const ws of workbook.worksheets) {
    expect(headerRow(ws)).toBeGreaterThan(0);
    expect(widthsSet(ws)).toBe(true);
    ws.eachRow((r) => expect(JSON.stringify(r.values)).not.toContain('cmd|x'));
  }
  expect(rowWith(sheet(workbook, '好人榜'), '测试评选')[5]).toBe(DEEDS);
});
