import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// The secretary publishes a reading on the phone, leaving half-way through (the draft waits), and
// then edits it; what the screen says and what the store holds agree at each step.
jest.setTimeout(240_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const BODY = [
  '第一段：理论学习要联系实际，带着问题学。',
  '第二段：抓落实要一抓到底，不能满足于开了会、发了文。',
  '第三段：请结合本岗位想一想，今天能为群众办成哪件实事。',
  '第四段：学以致用，用以促学。',
].join('\n');

it('a secretary publishes a reading by date, comes back to a kept draft, and edits it', async () => {
  const store = e2e.server.store;
  const taken = new Set((await store.collection('readings').find({}, { limit: 100 })).map((r) => r.date));
  // A weekday three weeks on that has no reading yet.
  let day = new Date(Date.now() + 21 * 24 * 3600 * 1000);
  const key = (d: Date) => d.toISOString().slice(0, 10);
  while ([0, 6].includes(day.getUTCDay()) || taken.has(key(day))) day = new Date(day.getTime() + 24 * 3600 * 1000);
  const date = key(day);

  const secretary = await e2e.login('demo-T0002');
  const page = await e2e.open(390, { token: secretary, path: '/#/pages/reading/index' });
  const j = new Journey(page, 'secretary-reading');
  await tapUntil(
    () => j.here.getByText('晨读管理', { exact: true }),
    () => j.here.getByText('参与情况', { exact: true }),
  );
  await j.step('晨读管理');
  await tapUntil(
    () => j.button('发布晨读'),
    () => j.here.getByText('正文', { exact: true }),
  );

  // The date is a date picker, the body a box that is as tall as it looks.
  await j.here.locator('input[type="date"]').fill(date);
  await j.here.locator('.field').filter({ hasText: '标题' }).locator('input').fill('把学习成果转化为工作实效');
  const box = j.here.locator('.field__textarea');
  const area = box.locator('textarea');
  await area.fill(BODY);
  const [outer, inner] = [await box.boundingBox(), await area.boundingBox()];
  expect(inner?.height ?? 0).toBeGreaterThan((outer?.height ?? 0) - 40);
  expect(inner?.height ?? 0).toBeGreaterThan(160);
  await j.step('写到一半');

  // Leaving loses nothing: back to the list, and 发布晨读 again brings the draft.
  await page.locator('.taro-navigation-bar-back').click();
  await j.here.getByText('参与情况', { exact: true }).waitFor();
  await tapUntil(
    () => j.button('发布晨读'),
    () => j.here.getByText('已恢复上次未提交的内容。'),
  );
  expect(await j.here.locator('.field').filter({ hasText: '标题' }).locator('input').inputValue()).toBe(
    '把学习成果转化为工作实效',
  );
  await j.step('草稿已恢复');
  // The draft kept the date too; set it again only if the list opened on another day.
  await j.here.locator('input[type="date"]').fill(date);
  await j.press(j.button('发布'), '发布');
  await j.here.getByText('参与情况', { exact: true }).waitFor();
  const [published] = await store.collection('readings').find({ date }, { limit: 1 });
  expect(published).toMatchObject({ title: '把学习成果转化为工作实效', body: BODY });
  await j.step('已发布');

  // Edit it from the month it is in.
  await page.goto(`${e2e.server.url}/#/subpackages/reading/edit/index?id=${published._id}`);
  await j.here.getByText('编辑晨读').waitFor();
  expect(await j.here.getByText('已恢复上次未提交的内容。').count()).toBe(0);
  await j.here.locator('.field__textarea textarea').fill(`${BODY}\n第五段：补充一段体会。`);
  await j.press(j.button('保存修改'), '保存修改');
  for (let waited = 0; waited < 5000; waited += 100) {
    const doc = await store.collection('readings').get(published._id);
    if (doc?.body.endsWith('第五段：补充一段体会。')) break;
    await page.waitForTimeout(100);
  }
  expect((await store.collection('readings').get(published._id))?.body).toContain('第五段');
  await j.step('已修改');
});
