import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';

// A member without confirmed hours this year is not offered a certificate of nothing; the records
// page says when it will be.
jest.setTimeout(120_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

it('offers the certificate only once a year has confirmed hours', async () => {
  const token = await e2e.login('demo-T0020');
  const page = await e2e.open(390, { token, path: '/#/subpackages/volunteer/records/index' });
  const j = new Journey(page, 'records-certificate');
  await j.here.getByText('小时（已确认）').waitFor();
  await j.here.getByText('这一年有组织者确认的服务时长后，可在这里开具志愿服务证明。').waitFor();
  expect(await j.here.getByText('查看服务证明').count()).toBe(0);
  await j.here.getByText('尚未评星').waitFor();
  await j.step('无确认时长');
});
