import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// The organizer, on a 1280 px desktop, creates a volunteer event with the date and time pickers,
// cannot confirm hours while it runs, and confirms them once it has ended.
jest.setTimeout(240_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const shanghai = (day: string, time: string) => `${day}T${time}:00+08:00`;

it('an organizer creates an event with the pickers and confirms hours after it ends', async () => {
  const store = e2e.server.store;
  // Next week's Wednesday (Shanghai), whatever today is.
  const now = new Date();
  const wednesday = new Date(now.getTime() + (((3 - now.getUTCDay() + 7) % 7) + 7) * 24 * 3600 * 1000);
  const day = wednesday.toISOString().slice(0, 10);
  const deadline = new Date(wednesday.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10);

  const organizer = await e2e.login('demo-T0003');
  const page = await e2e.open(1280, { token: organizer, path: '/#/pages/activity/index' });
  const j = new Journey(page, 'organizer-hours');
  await tapUntil(
    () => j.here.getByText('发起活动', { exact: true }),
    () => j.here.getByText('报名截止', { exact: true }),
  );
  await j.step('发起活动');

  const field = (label: string) => j.here.locator('.field').filter({ has: page.getByText(label, { exact: true }) });
  await field('活动名称').locator('input').fill('社区垃圾分类宣传');
  await field('服务内容').locator('textarea').fill('在小区门口向居民讲解垃圾分类知识，发放宣传册。');
  await field('服务地点').locator('input').fill('幸福里社区');
  await field('开始').locator('input[type="date"]').fill(day);
  await field('开始').locator('input[type="time"]').fill('09:00');
  await field('结束').locator('input[type="date"]').fill(day);
  await field('结束').locator('input[type="time"]').fill('11:30');
  await field('报名截止').locator('input[type="date"]').fill(deadline);
  await field('报名截止').locator('input[type="time"]').fill('18:00');
  await field('名额（人）').locator('input').fill('10');
  await j.step('填好');
  await j.press(j.button('发布活动'), '发布活动');
  await j.here.getByText('组织管理').waitFor();
  const [event] = await store.collection('volunteerEvents').find({ title: '社区垃圾分类宣传' }, { limit: 1 });
  expect(event).toMatchObject({
    startAt: new Date(shanghai(day, '09:00')).toISOString(),
    endAt: new Date(shanghai(day, '11:30')).toISOString(),
    signupDeadline: new Date(shanghai(deadline, '18:00')).toISOString(),
    capacity: 10,
    plannedHours: 2.5,
  });
  await j.step('已发布');

  // Two colleagues sign up; during the event the hours cannot be confirmed yet.
  for (const no of ['T0024', 'T0025'])
    await e2e.api('volunteer.signup', { eventId: event._id }, await e2e.login(`demo-${no}`));
  await e2e.api('dev.clock.set', { now: shanghai(day, '10:00') });
  await tapUntil(
    () => j.button('报名与时长'),
    () => j.here.getByText(/名单（2）/),
  );
  await j.here.getByText('活动结束后可在这里确认每人的服务时长。').waitFor();
  expect(await j.button('确认时长').count()).toBe(0);
  await j.step('进行中');

  // After it ends: hours for both, the second adjusted with a note; cancelling is no longer offered.
  await e2e.api('dev.clock.set', { now: shanghai(day, '12:00') });
  await page.reload();
  await j.button('确认时长').waitFor();
  const rows = j.here.locator('.vol-table__row');
  // Nobody scanned the on-site code here, so every row needs the organizer's note.
  await rows.nth(0).locator('.vol-table__hours-input input').fill('2.5');
  await j.press(j.button('确认时长'), '确认时长');
  await j.here.getByText('没有完整签到签退记录，请填写备注').first().waitFor();
  await j.step('缺备注');
  await rows.nth(0).locator('.vol-table__note input').fill('现场登记，全程参加');
  // Fixing the field clears its message at once.
  expect(await rows.nth(0).getByText('没有完整签到签退记录，请填写备注').count()).toBe(0);
  await rows.nth(1).locator('.vol-table__hours-input input').fill('2');
  await rows.nth(1).locator('.vol-table__note input').fill('提前离场');
  await j.press(j.button('确认时长'), '确认时长');
  await j.here
    .getByText(/已确认 2/)
    .first()
    .waitFor();
  const records = await store.collection('volunteerRecords').find({ eventId: event._id }, { limit: 10 });
  expect(records.map((r) => r.hours).sort()).toEqual([2, 2.5]);
  expect(records.every((r) => r.confirmerName === '赵强')).toBe(true);
  expect(await j.here.getByText('取消活动并通知报名者').count()).toBe(0);
  await j.step('已确认');
});
