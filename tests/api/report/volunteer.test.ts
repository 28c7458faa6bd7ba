import { findAll } from '../../../server/kernel/paging';
import { startTestServer, type TestServer } from '../support/harness';
import { createEvent, MONDAY_0900, staffIdOf } from '../volunteer/support';
import { column, exportFile, headers, rowsOf, sheet, widthsSet } from './support';

/** The 志愿服务 export holds exactly the confirmed services of the period, 67号 fields, text kept inert. */
let t: TestServer;
let admin: string;
let organizer: string;
const hostile = '=HYPERLINK("http://x","点我")';

beforeAll(async () => {
  t = await startTestServer();
  await t.setClock(MONDAY_0900, true);
  admin = await t.login('demo-T0001');
  organizer = await t.login('demo-T0003');
  const members = ['T0004', 'T0005', 'T0006', 'T0007'];
  const tokens = await Promise.all(members.map((no) => t.login(`demo-${no}`)));
  // In the period: a formula-like title (5 March); one member never confirmed. Outside: 2 April.
  const inside = await createEvent(t, organizer, { title: hostile });
  const later = await createEvent(t, organizer, {
    title: '四月服务',
    startAt: '2026-04-02T09:00:00+08:00',
    endAt: '2026-04-02T12:00:00+08:00',
    signupDeadline: '2026-04-01T18:00:00+08:00',
  });
  for (const eventId of [inside, later]) for (const tok of tokens) await t.ok('volunteer.signup', { eventId }, tok);
  // Without on-site times every confirmation carries a note (the organizer decides the hours).
  await t.setClock('2026-03-05T06:00:00.000Z', true);
  const ids = await Promise.all(members.map((no) => staffIdOf(t, no)));
  await t.ok(
    'volunteer.confirm',
    {
      eventId: inside,
      entries: [
        { staffId: ids[0], hours: 3, note: '现场确认' },
        { staffId: ids[1], hours: 2.5, note: '+1 提前离开' },
        { staffId: ids[2], hours: 1.5, note: '-早退' },
      ],
    },
    organizer,
  );
  await t.setClock('2026-04-02T06:00:00.000Z', true);
  await t.ok(
    'volunteer.confirm',
    { eventId: later, entries: [{ staffId: ids[0], hours: 3, note: '现场确认' }] },
    organizer,
  );
});
afterAll(() => t.stop());

it('lists each confirmed service of the period once, with the hours the store holds', async () => {
  const { file, workbook } = await exportFile(t, { kind: 'volunteer', from: '2026-03-01', to: '2026-03-31' }, admin);
  expect(file.fileName).toBe('志愿服务记录_2026-03-01_2026-03-31.xlsx');
  expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(file.bytes).toBe(Buffer.from(file.base64, 'base64').length);

  const stored = (await findAll(t.server.store.collection('volunteerRecords'), { year: 2026 })).filter(
    (r) => r.confirmedAt !== null && r.eventDate >= '2026-03-01' && r.eventDate <= '2026-03-31',
  );
  const records = sheet(workbook, '服务记录');
  expect(headers(records)).toEqual([
    '姓名',
    '工号',
    '部门',
    '服务项目',
    '服务日期',
    '服务时间',
    '服务地点',
    '服务内容',
    '服务时长（小时）',
    '组织单位',
    '志愿服务队',
    '确认人',
    '确认时间',
    '备注',
  ]);
  expect(rowsOf(records)).toHaveLength(stored.length);
  expect(stored).toHaveLength(3);
  expect(column(records, '工号')).toEqual(['T0004', 'T0005', 'T0006']);
  expect(column(records, '服务时长（小时）')).toEqual(stored.map((r) => r.hours).sort((a, b) => (b ?? 0) - (a ?? 0)));
  expect(column(records, '服务日期')).toEqual(['2026-03-05', '2026-03-05', '2026-03-05']);
  expect(column(records, '服务时间')[0]).toBe('09:00–12:00');
  expect(column(records, '确认人')[0]).toBe('赵强');
  expect(column(records, '确认时间')[0]).toBe('2026-03-05 14:00');
  expect(column(records, '组织单位')[0]).toBe('同心示范单位');
  // Formula-like text comes back as a plain string, never a formula object.
  for (const v of [...column(records, '服务项目'), ...column(records, '备注')]) expect(typeof v).toBe('string');
  expect(column(records, '服务项目')[0]).toBe(`'${hostile}`);
  expect(column(records, '备注')).toEqual(['现场确认', "'+1 提前离开", "'-早退"]);

  const people = sheet(workbook, '个人时长');
  const roster = await t.server.store.collection('staff').find({ staffNo: { in: ['T0004', 'T0005', 'T0006'] } });
  const named = roster.sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  expect(rowsOf(people).map((r) => r.slice(0, 3))).toEqual(named.map((s) => [s.staffNo, s.name, s.department]));
  expect(column(people, '服务时长合计（小时）')).toEqual([3, 2.5, 1.5]);
  expect(column(people, '服务次数')).toEqual([1, 1, 1]);
  expect(rowsOf(sheet(workbook, '服务活动'))).toHaveLength(1);
  expect(file.rows).toBe(3 + 3 + 1);
  for (const ws of workbook.worksheets) expect(widthsSet(ws)).toBe(true);
});

it('takes hours over a longer period from every event in it', async () => {
  const { workbook } = await exportFile(t, { kind: 'volunteer', from: '2026-03-01', to: '2026-04-30' }, admin);
  expect(column(sheet(workbook, '个人时长'), '服务时长合计（小时）')).toEqual([6, 2.5, 1.5]);
  expect(rowsOf(sheet(workbook, '服务记录'))).toHaveLength(4);
});
