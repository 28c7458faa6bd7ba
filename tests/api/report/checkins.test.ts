import { startTestServer, type TestServer } from '../support/harness';
import { publishDays, readAndCheckIn, sh, withoutSeededReadings } from '../reading/support';
import { column, exportFile, headerRow, headers, rowsOf, sheet, widthsSet } from './support';

/** The 晨读 export: per day from the day counters, per person exact for the period (whole or cut months). */
let t: TestServer;
let admin: string;

beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  await t.setClock(sh('2027-02-26', '10:00:00'), true);
  const ids = await publishDays(t, ['2027-03-01', '2027-03-02', '2027-03-03']);
  admin = await t.login('demo-T0001');
  const [a, b, c] = await Promise.all(['T0004', 'T0005', 'T0006'].map((no) => t.login(`demo-${no}`)));
  for (const day of ['2027-03-01', '2027-03-02', '2027-03-03']) await readAndCheckIn(t, a, ids[day], day);
  await readAndCheckIn(t, b, ids['2027-03-02'], '2027-03-02');
  await t.setClock(sh('2027-03-03', '12:00:00'), true);
  await t.ok('checkin.makeup', { date: '2027-03-02', reason: '外出开会' }, c);
});
afterAll(() => t.stop());

const personRows = async (from: string, to: string) => {
  const { workbook } = await exportFile(t, { kind: 'checkins', from, to }, admin);
  const ws = sheet(workbook, '按人统计');
  const byNo = new Map(rowsOf(ws).map((r) => [r[0], r]));
  return { workbook, ws, byNo };
};

it('counts each day from the counters, with rates by department', async () => {
  const { workbook } = await personRows('2027-03-01', '2027-03-31');
  const ws = sheet(workbook, '按日统计');
  expect(headerRow(ws)).toBe(2); // a note row above the frozen header
  expect(headers(ws).slice(0, 6)).toEqual([
    '日期',
    '星期',
    '晨读篇目',
    '打卡人次（含补卡）',
    '其中补卡',
    '全单位参与率',
  ]);
  expect(column(ws, '日期')).toEqual(['2027-03-01', '2027-03-02', '2027-03-03']);
  expect(column(ws, '晨读篇目')).toEqual(['2027-03-01 晨读', '2027-03-02 晨读', '2027-03-03 晨读']);
  const stored = await t.server.store.collection('checkinDays').find({ month: '2027-03' });
  const perDay = (date: string) => stored.filter((d) => d.date === date).reduce((n, d) => n + d.checkins, 0);
  expect(column(ws, '打卡人次（含补卡）')).toEqual([perDay('2027-03-01'), perDay('2027-03-02'), perDay('2027-03-03')]);
  expect(column(ws, '打卡人次（含补卡）')).toEqual([1, 3, 1]);
  expect(column(ws, '其中补卡')).toEqual([0, 1, 0]);
  const active = await t.server.store.collection('staff').count({ active: true });
  expect(column(ws, '全单位参与率')[1]).toBeCloseTo(3 / active);
  expect(ws.getRow(3).getCell(6).numFmt).toBe('0.0%');
  expect(headers(ws).filter((h) => String(h).endsWith('参与率')).length).toBeGreaterThan(1);
  expect(widthsSet(ws)).toBe(true);
});

it('gives whole months from the month counters', async () => {
  const { byNo } = await personRows('2027-03-01', '2027-03-31');
  expect(byNo.get('T0004')?.slice(3)).toEqual([3, 0, 60]);
  expect(byNo.get('T0005')?.slice(3)).toEqual([1, 0, 20]);
  expect(byNo.get('T0006')?.slice(3)).toEqual([1, 1, 20]);
  expect(byNo.get('T0007')?.slice(3)).toEqual([0, 0, 0]);
  const active = await t.server.store.collection('staff').count({ active: true });
  expect(byNo.size).toBe(active);
});

it('counts a cut month exactly from its check-ins', async () => {
  const { ws, byNo } = await personRows('2027-03-02', '2027-03-03');
  expect(byNo.get('T0004')?.slice(3)).toEqual([2, 0, 40]);
  expect(byNo.get('T0005')?.slice(3)).toEqual([1, 0, 20]);
  expect(byNo.get('T0006')?.slice(3)).toEqual([1, 1, 20]);
  expect(String(ws.getRow(1).getCell(1).value)).toMatch(/精确统计/);
  const { byNo: none } = await personRows('2027-03-04', '2027-04-30');
  expect(none.get('T0004')?.slice(3)).toEqual([0, 0, 0]);
});
