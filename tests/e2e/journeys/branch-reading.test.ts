import { type E2E, startE2E } from '../support/browser';
import { firstReadingDay, shanghai, storeReaches } from '../support/full-journey-steps';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// 支部书记领学: the admin finds the branches and their secretaries at 1280 px; the first branch's
// secretary publishes on the phone for her branch; a member of that branch reads it, a member of
// the other branch reads the unit's reading of the day.
jest.setTimeout(240_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const BODY = ['第一段：支部书记领学，联系本支部的工作实际。', '第二段：每位党员结合岗位谈一点体会。'].join('\n');

it("a branch secretary publishes for her branch, whose members read it; the other branch reads the unit's", async () => {
  const store = e2e.server.store;
  const day = await firstReadingDay(store);
  const [unitReading] = await store.collection('readings').find({ date: day }, { limit: 1 });
  // The demo's secretaries: 彭丹 (T0029) of the first branch, 曾辉 (T0030) of the second.
  const admin = await e2e.login('demo-T0001');

  const desk = await e2e.open(1280, { token: admin, path: '/#/subpackages/admin/branches/index' });
  const d = new Journey(desk, 'branch-reading-admin');
  await d.here.locator('.card').filter({ hasText: '机关第一党支部' }).getByText('书记：彭丹（办公室）').waitFor();
  await d.here.locator('.card').filter({ hasText: '机关第二党支部' }).getByText('书记：曾辉（预算科）').waitFor();
  await d.step('党支部');

  await e2e.api('dev.clock.set', { now: shanghai(day, '05:30') });
  const phone = await e2e.open(390, {
    token: await e2e.login('demo-T0029'),
    path: '/#/subpackages/reading/manage/index',
  });
  const j = new Journey(phone, 'branch-reading');
  await j.here.getByText(/发布范围：机关第一党支部/).waitFor();
  await j.step('晨读管理');
  await tapUntil(
    () => j.button('发布晨读'),
    () => j.here.getByText('正文', { exact: true }),
  );
  await j.here.getByText(/发布范围：机关第一党支部/).waitFor();
  await j.here.locator('input[type="date"]').fill(day);
  await j.here.locator('.field').filter({ hasText: '标题' }).locator('input').fill('支部领学：把初心落在岗位上');
  await j.here.locator('.field__textarea textarea').fill(BODY);
  await j.step('写好');
  await j.press(j.button('发布'), '发布');
  await j.here.getByText('参与情况', { exact: true }).waitFor();
  await storeReaches(
    async () => (await store.collection('branchReadings').count({ date: day })) === 1,
    'the branch reading',
  );
  const [published] = await store.collection('branchReadings').find({ date: day }, { limit: 1 });
  expect(published).toMatchObject({ branch: '机关第一党支部', title: '支部领学：把初心落在岗位上', body: BODY });
  await j.here.locator('.rlist__item').filter({ hasText: '支部领学：把初心落在岗位上' }).waitFor();
  await j.step('已发布');
  // Her branch's participation, and no other branch's.
  await tapUntil(
    () => j.button('参与情况'),
    () => j.here.getByText('按支部', { exact: true }),
  );
  const branchTable = j.here.locator('.rtable').nth(1);
  await branchTable.getByText('机关第一党支部').waitFor();
  expect(await branchTable.getByText('机关第二党支部').count()).toBe(0);
  await j.step('参与情况');

  await e2e.api('dev.clock.set', { now: shanghai(day, '07:00') });
  const reader = async (no: string) =>
    e2e.open(390, { token: await e2e.login(`demo-${no}`), path: '/#/pages/reading/index' });
  const first = new Journey(await reader('T0021'), 'branch-reading-first');
  await first.here.getByText('支部领学：把初心落在岗位上').waitFor();
  await first.here.getByText(/机关第一党支部领学/).waitFor();
  await first.step('一支部成员');
  // 标兵: the whole unit's roll, or her branch's.
  await tapUntil(
    () => first.here.getByRole('tab', { name: '标兵' }),
    () => first.here.getByRole('tab', { name: '机关第一党支部' }),
  );
  await first.here.getByText(/各支部成员按本支部的晨读日/).waitFor();
  await first.press(first.here.getByRole('tab', { name: '机关第一党支部' }), '本支部标兵');
  await first.here.getByText(/各支部成员按本支部的晨读日/).waitFor({ state: 'detached' });
  await first.step('本支部标兵');
  const second = new Journey(await reader('T0022'), 'branch-reading-second');
  await second.here.getByText(unitReading.title).first().waitFor();
  expect(await second.here.getByText('支部领学：把初心落在岗位上').count()).toBe(0);
  await second.step('二支部成员');
});
