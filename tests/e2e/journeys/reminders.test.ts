import { runJobs } from '../../../server/features';
import { localSender } from '../../../server/kernel/wechat';
import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// WeChat reminders by pressing the buttons: the office enters its 晨读 template on a desktop; a member
// who has checked in on the phone asks to be reminded; the next workday's 06:00 run of the jobs
// "sends" the reminder, and the office's log shows it (the local server records, WeChat is absent).
jest.setTimeout(240_000);

const READING_TEMPLATE = 'RdTmpl_0123456789abcdefGHIJ';

async function waitUntil(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the store never reached the expected state');
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

it('an admin configures the reading template, a member consents after checking in and is reminded next morning', async () => {
  const store = e2e.server.store;
  const admin = await e2e.login('demo-T0001');
  const desk = await e2e.open(1280, { token: admin, path: '/#/pages/me/index' });
  const office = new Journey(desk, 'reminders-office');
  await tapUntil(
    () => office.here.getByText('管理', { exact: true }).first(),
    () => office.here.getByText('订阅消息', { exact: true }),
  );
  await tapUntil(
    () => office.here.getByText('订阅消息', { exact: true }),
    () => office.here.getByText('订阅消息模板'),
  );
  await office.here.locator('.tmpl').first().locator('input').first().fill(READING_TEMPLATE);
  await office.press(office.button('保存模板'), '保存模板');
  await waitUntil(
    async () => (await store.collection('settings').get('unit'))?.subscribe?.reading.templateId === READING_TEMPLATE,
  );
  await office.step('模板已保存');

  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const readings = await store.collection('readings').find({ date: { gte: today } }, { sort: { date: 1 }, limit: 2 });
  const [reading, next] = readings;
  await e2e.api('dev.clock.set', { now: `${reading.date}T07:30:00+08:00` });
  const member = await e2e.login('demo-T0017');
  const phone = await e2e.open(390, { token: member, path: '/#/pages/reading/index' });
  const j = new Journey(phone, 'reminders-member');
  await j.here.getByText(/再读 \d+ 秒可打卡/).waitFor();
  await e2e.api('dev.clock.set', { now: `${reading.date}T07:31:30+08:00` });
  await phone.reload();
  await j.press(j.button(/^打卡$/), '打卡');
  await j.here.getByText('✓ 今日已打卡').waitFor();
  await j.press(j.button('明天晨读开始时微信提醒我'), '提醒我');
  await j.here.getByText('已订阅微信提醒').waitFor();
  await j.step('已订阅');
  const [me] = await store.collection('staff').find({ staffNo: 'T0017' }, { limit: 1 });
  expect((await store.collection('noticeCredits').get(`${me._id}:reading`))?.credits).toBe(1);

  const lines = await runJobs(store, { now: new Date(`${next.date}T06:00:00+08:00`), sender: localSender });
  expect(lines.join('\n')).toContain('1 sent');
  expect((await store.collection('noticeCredits').get(`${me._id}:reading`))?.credits).toBe(0);

  await desk.reload();
  await office.here.getByText('发送记录').waitFor();
  await office.here.getByText(/本地服务不连接微信/).waitFor();
  const entry = office.here.locator('.plog').first();
  expect(await entry.innerText()).toContain('T0017');
  expect(await entry.innerText()).toContain('晨读提醒');
  await office.step('发送记录');
});
