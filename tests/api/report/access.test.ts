import { errorOf, startTestServer, type TestServer } from '../support/harness';

/** Exports are for admins; a bad period is refused with a coded Chinese error and changes nothing. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

const auditCount = () => t.server.store.collection('audit').count({});
const good = { kind: 'ledger', from: '2026-01-01', to: '2026-12-31' } as const;

it('refuses staff, secretaries and organizers', async () => {
  for (const no of ['T0004', 'T0002', 'T0003']) {
    const res = await t.call('report.export', good, await t.login(`demo-${no}`));
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  }
  expect((await t.call('report.export', good, null)).status).toBe(401);
});

it('refuses bad periods and kinds with 4xx, and records nothing', async () => {
  const admin = await t.login('demo-T0001');
  const before = await auditCount();
  const backwards = await t.call('report.export', { ...good, from: '2026-03-02', to: '2026-03-01' }, admin);
  expect(backwards.status).toBe(400);
  expect(errorOf(backwards)).toMatchObject({ code: 'INVALID_INPUT', message: '结束日期不能早于开始日期' });
  const long = await t.call('report.export', { ...good, from: '2026-01-01', to: '2027-01-02' }, admin);
  expect(long.status).toBe(422);
  expect(errorOf(long)).toMatchObject({ code: 'RULE', details: { rule: 'periodTooLong' } });
  expect(errorOf(long).message).toMatch(/366/);
  for (const bad of [
    { ...good, from: '2026-1-1' },
    { ...good, to: '2026-02-30' },
    { ...good, kind: 'everything' },
    { ...good, extra: 1 },
    { kind: 'ledger' },
    { ...good, from: 20260101 },
  ]) {
    const res = await t.post('report.export', bad, admin);
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('INVALID_INPUT');
  }
  expect(await auditCount()).toBe(before);
});

it('takes a leap year whole, and audits a successful export', async () => {
  const admin = await t.login('demo-T0001');
  const before = await auditCount();
  const res = await t.call('report.export', { kind: 'checkins', from: '2028-01-01', to: '2028-12-31' }, admin);
  expect(res.status).toBe(200);
  expect(await auditCount()).toBe(before + 1);
  const [entry] = await t.server.store.collection('audit').find({}, { sort: { at: -1 }, limit: 1 });
  expect(entry).toMatchObject({ action: 'report.export', target: 'report:checkins:2028-01-01~2028-12-31' });
});
