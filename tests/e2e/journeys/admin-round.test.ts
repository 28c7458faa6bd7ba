import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// The office takes a 好人榜 round from nominations to the published board, on a 1280 px desktop,
// by pressing the buttons; a member whose 好人榜 tab was open all along sees the board when coming back.
jest.setTimeout(240_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const DAY = 24 * 60 * 60 * 1000;

async function waitUntil(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the store never reached the expected state');
}

it('an admin runs a round through review, vote, winners and publicity to the board', async () => {
  const store = e2e.server.store;
  const [round] = await store.collection('honorRounds').find({ phase: 'nominating' }, { limit: 1 });
  const admin = await e2e.login('demo-T0001');
  const page = await e2e.open(1280, { token: admin, path: '/#/pages/me/index' });
  const j = new Journey(page, 'admin-round');

  // 我的 → 管理 → 好人榜评选 → the round.
  await tapUntil(
    () => j.here.getByText('管理', { exact: true }).first(),
    () => j.here.getByText('好人榜评选', { exact: true }),
  );
  await j.step('管理');
  await tapUntil(
    () => j.here.getByText('好人榜评选', { exact: true }),
    () => j.here.getByText('全部评选'),
  );
  await tapUntil(
    () => j.here.getByText(round.title).first(),
    () => j.here.getByText('结束推荐，进入审核'),
  );
  expect(await j.here.locator('.crumbs').innerText()).toContain('管理');
  await j.step('评选详情');

  await j.press(j.button('结束推荐，进入审核'), '结束推荐，进入审核');
  await j.press(j.dialogConfirm, '结束推荐');
  await j.here.getByText('开始投票', { exact: true }).waitFor();
  expect((await store.collection('honorRounds').get(round._id))?.phase).toBe('reviewing');
  await j.step('审核中');

  const nominations = await store.collection('honorNominations').find({ roundId: round._id }, { limit: 10 });
  const approved = () => store.collection('honorNominations').count({ roundId: round._id, status: 'approved' });
  for (let i = 0; i < nominations.length; i++) {
    await j.press(j.here.locator('.hn-review').nth(i).getByText('通过', { exact: true }), `通过 #${i + 1}`);
    await waitUntil(async () => (await approved()) === i + 1);
  }
  expect(await store.collection('honorNominations').count({ roundId: round._id, status: 'approved' })).toBe(
    nominations.length,
  );
  await j.step('全部通过');

  await j.press(j.button('开始投票'), '开始投票');
  await j.press(j.dialogConfirm, '开始投票');
  await j.here.getByText('投票进行中', { exact: false }).waitFor();
  expect((await store.collection('honorRounds').get(round._id))?.phase).toBe('voting');

  // Three colleagues vote (their own journey is tested elsewhere); a member keeps the 好人榜 tab open.
  const ids = nominations.map((n) => n._id);
  for (const no of ['T0020', 'T0021', 'T0022']) {
    await e2e.api(
      'honor.vote',
      { roundId: round._id, nominationIds: ids.slice(0, no === 'T0022' ? 1 : 2) },
      await e2e.login(`demo-${no}`),
    );
  }
  const member = await e2e.open(390, { token: await e2e.login('demo-T0023'), path: '/#/pages/honor/index' });
  await member.locator('.hn-board').waitFor();

  // After the vote closes: tallies, winners, publicity.
  await e2e.api('dev.clock.set', { now: new Date(Date.parse(round.voteUntil) + 60_000).toISOString() });
  await page.reload();
  await j.here.getByText('计票结果').waitFor();
  await j.step('计票结果');
  await j.press(j.here.locator('.hn-results__row').first(), '勾选第一位');
  await j.press(j.button(/确定入选名单并公示/), '确定入选名单并公示');
  await j.press(j.dialogConfirm, '确定公示');
  await j.here.getByText('撤销入选').first().waitFor();
  const publicity = await store.collection('honorRounds').get(round._id);
  expect(publicity).toMatchObject({ phase: 'publicity', winnerIds: [ids[0]] });
  await j.step('公示中');

  // After the publicity period (5 workdays; a fortnight is always past it): publish.
  await e2e.api('dev.clock.set', { now: new Date(Date.parse(publicity?.publicityEndsAt ?? '') + DAY).toISOString() });
  await page.reload();
  await j.press(j.button('发布好人榜'), '发布好人榜');
  await j.press(j.dialogConfirm, '发布');
  await page.waitForFunction(
    () => !document.querySelector('.taro_page:last-of-type')?.textContent?.includes('发布好人榜'),
  );
  expect((await store.collection('honorRounds').get(round._id))?.phase).toBe('published');
  await j.step('已发布');

  // The member's tab, left open, shows the honoree once it comes back into view.
  await tapUntil(
    () => member.getByText('首页', { exact: true }).last(),
    () => member.locator('.taro_page:visible').last().locator('.home'),
  );
  await tapUntil(
    () => member.getByText('好人榜', { exact: true }).last(),
    () => member.locator('.taro_page:visible').last().locator('.hn-board'),
  );
  const winner = nominations.find((n) => n._id === ids[0]);
  await member
    .locator('.taro_page:visible')
    .last()
    .locator('.hn-board')
    .getByText(winner?.nomineeName ?? '?')
    .first()
    .waitFor();
});
