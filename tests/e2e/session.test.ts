import type { Page } from 'playwright-core';
import { type E2E, startE2E } from './support/browser';
import { current, loginAs, tapUntil } from './support/ui';

// Browser tests of the real H5 build: the login, bind and admin slice of issue #2.
jest.setTimeout(180_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

async function loginAsNew(page: Page, openid: string): Promise<void> {
  await current(page).getByText('选择演示身份').waitFor();
  await page.locator('input[placeholder="例如 new-user-1"]').fill(openid);
  await page.getByText('登录', { exact: true }).click();
  await current(page).getByText('绑定工号').first().waitFor();
}

async function until<T>(read: () => Promise<T>, expected: T): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (JSON.stringify(await read()) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await read()).toEqual(expected);
}

async function staffByNo(staffNo: string) {
  const [doc] = await e2e.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return doc;
}

describe('an unbound person', () => {
  it('lands on the bind page, cannot reach anything else, sees the server message, then binds', async () => {
    const page = await e2e.open();
    await loginAsNew(page, 'e2e-newcomer');

    // Going straight to another tab leads back to binding.
    await page.goto(`${e2e.server.url}/#/pages/me/index`);
    await page.waitForURL(/pages\/bind\/index/, { timeout: 10_000 });
    await current(page).locator('input[placeholder="请输入工号"]').waitFor();
    expect(await current(page).getByText('工号', { exact: true }).count()).toBe(1);

    await current(page).getByText('绑定', { exact: true }).click();
    await current(page).getByText('请填写工号').waitFor();

    await current(page).locator('input[placeholder="请输入工号"]').fill('T0035');
    await current(page).locator('input[placeholder="请输入姓名"]').fill('不是这个名字');
    await current(page).getByText('绑定', { exact: true }).click();
    await current(page)
      .getByText(/工号与姓名不匹配/)
      .waitFor();
    expect((await staffByNo('T0035')).openid).toBeNull();

    await current(page).locator('input[placeholder="请输入姓名"]').fill('潘越');
    await current(page).getByText('绑定', { exact: true }).click();
    await current(page).getByText(/潘越/).first().waitFor();
    expect((await staffByNo('T0035')).openid).toBe('e2e-newcomer');
  });
});

describe('an admin', () => {
  it('sees 管理 on 我的, searches the roster and changes a role', async () => {
    const page = await e2e.open(1280);
    await loginAs(page, '李明');
    await current(page).getByText(/李明/).first().waitFor();
    await tapUntil(
      () => page.getByText('我的', { exact: true }).last(),
      () => current(page).getByText('T0001').first(),
    );
    await tapUntil(
      () => current(page).getByText('管理', { exact: true }).first(),
      () => current(page).getByText('人员名册', { exact: true }),
    );
    await tapUntil(
      () => current(page).getByText('人员名册', { exact: true }),
      () => current(page).getByText(/共 40 人/),
    );

    // At desktop width the search field, not the button, takes the row.
    const field = await current(page).locator('.roster__search .field__input').boundingBox();
    const button = await current(page).locator('.roster__search .btn').boundingBox();
    expect(field && button && field.width > button.width).toBe(true);

    await current(page).locator('input[placeholder="姓名或工号"]').fill('陈静');
    await current(page).getByText('搜索', { exact: true }).click();
    await current(page)
      .getByText(/共 1 人/)
      .waitFor();
    await tapUntil(
      () => current(page).getByText('陈静'),
      () => current(page).getByText('保存角色'),
    );
    await current(page).getByText('活动组织者').click();
    await current(page).getByText('保存角色').click();
    await until(async () => (await staffByNo('T0005')).roles, ['staff', 'organizer']);
  });
});

describe('a plain member', () => {
  it('has no 管理 entry, and a deactivated member sees only the notice', async () => {
    const page = await e2e.open();
    await loginAs(page, '刘洋');
    await tapUntil(
      () => page.getByText('我的', { exact: true }).last(),
      () => current(page).getByText('T0004').first(),
    );
    expect(await current(page).getByText('管理', { exact: true }).count()).toBe(0);

    const target = await staffByNo('T0004');
    await e2e.server.store.collection('staff').update({ _id: target._id }, { set: { active: false } });
    await page.reload();
    await current(page).getByText('账号已停用，请联系办公室').waitFor();
    expect(await current(page).getByText('T0004').count()).toBe(0);
  });
});
