import { findAll } from '../../../server/kernel/paging';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * Reads that can pass the store's 1,000-row page: a month of department-days of a large unit. They
 * page: nothing past the first thousand is dropped without a word.
 */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await t.setClock('2026-03-04T02:00:00.000Z', true); // Wednesday 10:00 in Shanghai
});
afterAll(() => t.stop());

const DEPARTMENTS = 1500;

it('counts every department’s day in reading.list and checkin.participation past 1,000 rows', async () => {
  const at = '2026-02-27T01:00:00.000Z';
  await t.server.store.collection('readings').insert({
    _id: 'r-0302',
    date: '2026-03-02',
    month: '2026-03',
    title: '周一晨读',
    body: '学习贯彻会议精神，坚持以人民为中心。',
    source: '',
    publishedBy: 'x',
    publishedAt: at,
    updatedBy: 'x',
    updatedAt: at,
  });
  const days = t.server.store.collection('checkinDays');
  const months = t.server.store.collection('checkinDeptMonths');
  for (let i = 0; i < DEPARTMENTS; i++) {
    const department = `第${i}处`;
    await days.insert({
      _id: `2026-03-02:${department}`,
      date: '2026-03-02',
      month: '2026-03',
      department,
      checkins: 1,
      makeups: 0,
    });
    await months.insert({
      _id: `2026-03:${department}`,
      month: '2026-03',
      department,
      checkins: 1,
      makeups: 0,
      participants: 1,
    });
  }
  const stored = await findAll(days, { date: '2026-03-02' });
  expect(stored.length).toBeGreaterThanOrEqual(DEPARTMENTS);
  const secretary = await t.login('demo-T0002');

  const list = await t.ok('reading.list', { month: '2026-03' }, secretary);
  const monday = list.items.find((i) => i.date === '2026-03-02');
  expect(monday?.checkins).toBe(stored.reduce((n, d) => n + d.checkins, 0));

  const p = await t.ok('checkin.participation', { month: '2026-03' }, secretary);
  const all = await findAll(months, { month: '2026-03' });
  expect(p.total.checkins).toBe(all.reduce((n, d) => n + d.checkins, 0));
  expect(p.departments.filter((d) => d.department.startsWith('第'))).toHaveLength(DEPARTMENTS);
  expect(p.days.find((d) => d.date === '2026-03-02')?.checkins).toBe(monday?.checkins);
}, 60_000);
