import { type E2E, startE2E } from './support/browser';
import { current, tapUntil } from './support/ui';

// Browser test of the 好人榜 main flow on the real H5 build: nominate a colleague, then vote.
jest.setTimeout(180_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

describe('a member on the 好人榜 tab', () => {
  it('nominates a colleague, and votes once voting opens', async () => {
    const page = await e2e.open();
    await current(page).locator('.login__title').waitFor();
    await current(page).getByText('刘洋', { exact: true }).first().click();
    await current(page).getByText(/刘洋/).first().waitFor();
    await tapUntil(
      () => page.getByText('好人榜', { exact: true }).last(),
      () => current(page).getByText('推荐好人'),
    );
    await tapUntil(
      () => current(page).getByText('推荐好人'),
      () => current(page).getByText('主要事迹'),
    );

    await current(page).locator('input[placeholder="输入姓名或工号"]').fill('何雪');
    await current(page).getByText('查找', { exact: true }).click();
    await current(page).locator('.hn-picker__item').getByText('何雪').click();
    await current(page).getByText('社会公德', { exact: true }).click();
    await current(page)
      .locator('textarea')
      .fill('何雪同志常年义务照顾社区孤寡老人，每周上门打扫卫生、陪老人聊天，风雨无阻坚持了五年。');
    await current(page).getByText('提交推荐', { exact: true }).click();
    await current(page).getByText('谢谢您的推荐').waitFor();
    const [round] = await e2e.server.store.collection('honorRounds').find({ phase: 'nominating' }, { limit: 1 });
    const nominations = await e2e.server.store
      .collection('honorNominations')
      .find({ roundId: round._id }, { limit: 10 });
    expect(nominations.find((n) => n.nomineeName === '何雪')).toMatchObject({
      kind: 'peer',
      category: '社会公德',
      status: 'pending',
    });

    // The office reviews everything and opens voting.
    const admin = await e2e.login('demo-T0001');
    await e2e.api('honor.round.advance', { roundId: round._id, to: 'reviewing' }, admin);
    for (const n of nominations) await e2e.api('honor.review', { nominationId: n._id, decision: 'approve' }, admin);
    await e2e.api('honor.round.advance', { roundId: round._id, to: 'voting' }, admin);

    await page.goto(`${e2e.server.url}/#/pages/honor/index`);
    await tapUntil(
      () => current(page).getByText('去投票', { exact: true }),
      () => current(page).getByText('提交选票', { exact: true }),
    );
    await current(page).locator('.hn-ballot__item').filter({ hasText: '何雪' }).click();
    await current(page).locator('.hn-ballot__item').filter({ hasText: '黄丽' }).click();
    await current(page).getByText('已选 2 / 3').waitFor();
    await current(page).getByText('提交选票', { exact: true }).click();
    await page.locator('.taro-model__confirm').getByText('提交选票').click();
    await current(page).getByText('投票成功').waitFor();
    expect(await e2e.server.store.collection('honorVoters').count({ roundId: round._id })).toBe(1);
    const tallies = await e2e.server.store.collection('honorTallies').find({ roundId: round._id }, { limit: 1000 });
    expect(tallies.reduce((sum, t) => sum + t.votes, 0)).toBe(2);
  });
});
