import type { Page } from 'playwright-core';
import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// A member's morning on the phone: reads and checks in inside the window, nominates a colleague with
// a photo (a file that is not an image is refused with a message), and registers a team.
jest.setTimeout(240_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function choose(page: Page, j: Journey, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await j.here.getByText('+ 添加照片').click();
  await (await chooser).setFiles(file);
}

it('a member checks in, nominates with a photo and registers a team', async () => {
  const store = e2e.server.store;
  const me = (await store.collection('staff').find({ staffNo: 'T0016' }, { limit: 1 }))[0];
  // The first workday from today that has a reading (the demo seeds this week's and next week's).
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const [reading] = await store.collection('readings').find({ date: { gte: today } }, { sort: { date: 1 }, limit: 1 });
  await e2e.api('dev.clock.set', { now: `${reading.date}T07:30:00+08:00` });

  const token = await e2e.login('demo-T0016');
  const page = await e2e.open(390, { token, path: '/#/pages/reading/index' });
  const j = new Journey(page, 'member-day');
  await j.here.getByText(/再读 \d+ 秒可打卡/).waitFor();
  await j.step('开始阅读');
  // A minute of reading later (on the server's clock, which the page follows once it asks again).
  await e2e.api('dev.clock.set', { now: `${reading.date}T07:31:30+08:00` });
  await page.reload();
  await j.press(j.button(/^打卡$/), '打卡');
  await j.here.getByText('✓ 今日已打卡').waitFor();
  expect(await store.collection('checkins').count({ staffId: me._id, date: reading.date })).toBe(1);
  await j.step('已打卡');

  // 好人榜: 何雪 (T0016) nominates 林娜 with a photo.
  await tapUntil(
    () => page.getByText('好人榜', { exact: true }).last(),
    () => j.here.getByText('推荐好人', { exact: true }),
  );
  await tapUntil(
    () => j.here.getByText('推荐好人', { exact: true }),
    () => j.here.getByText('主要事迹'),
  );
  await j.here.locator('input[placeholder="输入姓名或工号"]').fill('林娜');
  await j.here.getByText('查找', { exact: true }).click();
  await j.here.locator('.hn-picker__item').getByText('林娜').click();
  await j.here.getByText('社会公德', { exact: true }).click();
  await j.here
    .locator('textarea')
    .fill('林娜同志常年义务照顾社区孤寡老人，每周上门打扫卫生、陪老人聊天，风雨无阻坚持了五年，邻里交口称赞。');
  await choose(page, j, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
  await j.here.getByText(/不是图片|只支持 JPG/).waitFor();
  await j.step('不是图片');
  await choose(page, j, { name: 'deed.png', mimeType: 'image/png', buffer: PNG });
  await j.here.locator('.hn-photos__img').waitFor();
  await j.step('照片已上传');
  await j.press(j.button('提交推荐'), '提交推荐');
  await j.here.getByText('谢谢您的推荐').waitFor();
  const [nomination] = await store.collection('honorNominations').find({ nomineeName: '林娜' }, { limit: 1 });
  expect(nomination).toMatchObject({ kind: 'peer', category: '社会公德', status: 'pending' });
  expect(nomination.photos).toHaveLength(1);
  await j.step('已推荐');
  await j.press(j.button('返回好人榜'), '返回好人榜');
  await j.here.getByText('推荐好人', { exact: true }).waitFor();

  // 活动 → 文体活动: a choir team of three, for a contest the organizer announced this morning.
  const title = '迎新年合唱比赛';
  const day = (offset: number) =>
    new Date(Date.parse(`${reading.date}T12:00:00+08:00`) + offset * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await e2e.api(
    'activity.create',
    {
      title,
      kind: 'singing',
      description: '以科室为单位组队参赛，曲目自选。',
      place: '机关礼堂',
      startAt: `${day(10)}T15:00:00+08:00`,
      endAt: `${day(10)}T17:00:00+08:00`,
      signupDeadline: `${day(7)}T18:00:00+08:00`,
      items: [{ name: '合唱', mode: 'team', teamMin: 3, teamMax: 6, capacity: 4 }],
    },
    await e2e.login('demo-T0003'),
  );
  await tapUntil(
    () => page.getByText('活动', { exact: true }).last(),
    () => j.here.getByText('文体活动', { exact: true }),
  );
  await tapUntil(
    () => j.here.getByText('文体活动', { exact: true }),
    () => j.here.getByText(title),
  );
  await tapUntil(
    () => j.here.getByText(title).first(),
    () => j.here.getByText('组队报名'),
  );
  await j.press(j.button('组队报名'), '组队报名');
  await j.here.locator('.field').filter({ hasText: '队名' }).locator('input').fill('何雪合唱小组');
  for (const name of ['蒋睿', '蔡琴']) {
    await j.here.locator('input[placeholder="输入姓名或工号搜索同事"]').fill(name);
    await j.here.locator('.picker__result').filter({ hasText: name }).first().click();
  }
  await j.step('组队');
  await j.press(j.button('提交队伍报名'), '提交队伍报名');
  await j.here.getByText('我是队长', { exact: false }).waitFor();
  const [team] = await store.collection('activityEntries').find({ teamName: '何雪合唱小组' }, { limit: 1 });
  expect(team).toBeDefined();
  await j.step('已报名');
});
