import { type E2E, startE2E } from './support/browser';
import { current, tapUntil } from './support/ui';

// Browser test of the 晨读 flow (issue #3): open today's reading, wait out the timer, check in.
jest.setTimeout(180_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

describe('a member on a workday morning', () => {
  it('opens today’s reading, sees the timer, and checks in once the minimum time has passed', async () => {
    // Tuesday 07:30 in Shanghai, flowing, so that the reading timer advances.
    await e2e.api('dev.clock.set', { now: '2027-03-02T07:30:00+08:00', freeze: false });
    await e2e.api(
      'reading.publish',
      { date: '2027-03-02', title: '浏览器测试晨读', body: '第一段：学以致用。\n第二段：知行合一。' },
      await e2e.login('demo-T0002'),
    );
    await e2e.api('settings.update', { minReadingSeconds: 3 }, await e2e.login('demo-T0001'));

    const page = await e2e.open();
    await current(page).getByText('选择演示身份').waitFor();
    await current(page).getByText('徐军', { exact: true }).first().click();
    await current(page).getByText(/徐军/).first().waitFor();
    await tapUntil(
      () => page.getByText('晨读', { exact: true }).last(),
      () => current(page).getByText('浏览器测试晨读'),
    );

    await current(page).getByText('第二段：知行合一。').waitFor();
    await current(page)
      .getByText(/已阅读/)
      .waitFor();
    const button = current(page).locator('.checkin__button');
    await current(page).locator('.checkin__button[data-ready="yes"]').waitFor({ timeout: 20_000 });
    await current(page).locator('textarea').fill('知行合一，学以致用');
    await button.click();
    await current(page).getByText('✓ 今日已打卡').waitFor();
    await current(page).getByText('心得：知行合一，学以致用').waitFor();

    const [staff] = await e2e.server.store.collection('staff').find({ staffNo: 'T0010' }, { limit: 1 });
    const records = await e2e.server.store.collection('checkins').find({ staffId: staff._id, date: '2027-03-02' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ makeup: false, note: '知行合一，学以致用' });
  });
});
