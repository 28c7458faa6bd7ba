import { type E2E, startE2E } from './support/browser';
import { current, loginAs, tapUntil } from './support/ui';

// Browser test of the activity main flow: find the seeded sports day in the 文体活动 segment of the
// 活动 tab, open it, register for the individual item, and see the registration on the page.
jest.setTimeout(180_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

it('a member registers for an individual item from the 文体活动 segment', async () => {
  const title = '职工健步走暨拔河比赛';
  const page = await e2e.open();
  await loginAs(page, '郑霞');
  await tapUntil(
    () => page.getByText('活动', { exact: true }).last(),
    () => current(page).getByText('文体活动', { exact: true }),
  );
  await tapUntil(
    () => current(page).getByText('文体活动', { exact: true }),
    () => current(page).getByText(title),
  );
  await tapUntil(
    () => current(page).getByText(title).first(),
    () => current(page).getByText('组队报名'),
  );

  const walk = current(page).locator('.card').filter({ hasText: '健步走（5公里）' });
  await walk.getByText('报名', { exact: true }).click();
  await walk.getByText('确认报名').click();
  await walk.getByText('已报名', { exact: true }).waitFor();

  const [me] = await e2e.server.store.collection('staff').find({ staffNo: 'T0020' }, { limit: 1 });
  const live = await e2e.server.store
    .collection('activityMembers')
    .find({ staffId: me._id, state: 'active' }, { limit: 10 });
  expect(live).toHaveLength(1);
});
