import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// A month with more 学习标兵 than one page: the roll shows the first fifty and 加载更多 brings the
// rest, in staff-number order, until there are no more.
jest.setTimeout(120_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

it('pages a long honor roll with 加载更多', async () => {
  const store = e2e.server.store;
  const token = await e2e.login('demo-T0020');
  // Last month: a workday with a reading (besides any the demo seeded), and sixty members on the
  // roll (their month counters, as their check-ins leave them).
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const [y, m] = today.split('-').map(Number);
  const month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const calendar = await e2e.api<{ days: { date: string; workday: boolean }[] }>('calendar.month', { month }, token);
  const day = calendar.days.find((d) => d.workday)?.date ?? `${month}-10`;
  const at = new Date().toISOString();
  await store.collection('readings').insert({
    _id: 'more-reading',
    date: day,
    month,
    title: '上月晨读',
    body: '上月的学习内容。',
    source: '',
    publishedBy: 'x',
    publishedAt: at,
    updatedBy: 'x',
    updatedAt: at,
  });
  for (let i = 1; i <= 60; i++) {
    const staffNo = `Z${String(i).padStart(4, '0')}`;
    await store.collection('checkinMonths').insert({
      _id: `${month}:more-${i}`,
      staffId: `more-${i}`,
      staffNo,
      name: `标兵${i}`,
      department: '办公室',
      month,
      year: Number(month.slice(0, 4)),
      checkins: 31, // at or above any month's line
      makeups: 0,
      minutes: 20,
    });
  }

  const page = await e2e.open(390, { token, path: '/#/pages/reading/index' });
  const j = new Journey(page, 'honor-roll-more');
  await tapUntil(
    () => j.here.getByRole('tab', { name: '标兵' }),
    () => j.here.getByText('‹ 上一月'),
  );
  // Once: each tap is another month back.
  await j.here.getByText('‹ 上一月').click();
  await j.here.getByText('标兵1', { exact: true }).waitFor({ timeout: 10_000 });
  await j.here.getByText('标兵50', { exact: true }).waitFor();
  expect(await j.here.locator('.honor__item').count()).toBe(50);
  await j.step('第一页');
  await j.press(j.button('加载更多'), '加载更多');
  await j.here.getByText('标兵60', { exact: true }).waitFor();
  expect(await j.here.locator('.honor__item').count()).toBe(60);
  expect(await j.here.getByText('加载更多').count()).toBe(0);
  const names = await j.here.locator('.honor__name').allInnerTexts();
  expect(names).toEqual(Array.from({ length: 60 }, (_, i) => `标兵${i + 1}`));
  await j.step('全部');
});
