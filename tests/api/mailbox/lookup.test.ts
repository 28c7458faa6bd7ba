import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { BODY, MailDriver } from './support';

let t: TestServer;
let m: MailDriver;
beforeAll(async () => {
  t = await startTestServer();
  m = new MailDriver(t);
});
afterAll(() => t.stop());

async function anonymous(staffNo: string, subject: string): Promise<{ id: string; code: string }> {
  const sent = await t.ok('mailbox.send', { subject, body: BODY, anonymous: true }, await m.as(staffNo));
  if (!sent.code) throw new Error('no receipt code');
  return { id: sent.message.id, code: sent.code };
}

it('reads the message and the office replies by receipt code, as typed back, signed 办公室', async () => {
  const { id, code } = await anonymous('T0010', '关于加班调休');
  await t.ok('mailbox.reply', { messageId: id, body: '已转人事部门研究，下周答复。' }, await m.as('T0001'));
  const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
  const found = await t.ok('mailbox.lookup', { code: typed }, await m.as('T0010'));
  expect(found.message).toMatchObject({ id, subject: '关于加班调休', status: 'replied', anonymous: true });
  expect(found.message.replies).toEqual([
    { body: '已转人事部门研究，下周答复。', at: expect.any(String), by: '办公室' },
  ]);
  expect(JSON.stringify(found)).not.toContain('李明');
  // Anyone holding the code reads it: the code, not the account, is the key.
  expect((await t.ok('mailbox.lookup', { code }, await m.as('T0011'))).message.id).toBe(id);
});

it('limits wrong codes to 5 an hour per openid; the 6th try is refused even with the right code', async () => {
  await t.setClock('2026-03-02T09:00:00+08:00');
  const { code } = await anonymous('T0014', '测试限流');
  const token = await m.as('T0015');
  for (let i = 0; i < 5; i++) {
    const res = await t.call('mailbox.lookup', { code: 'ABCDEFGHJKM2' }, token);
    expect(res.status).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', details: { remaining: 4 - i } });
  }
  const limited = await t.call('mailbox.lookup', { code }, token);
  expect(limited.status).toBe(429);
  expect(errorOf(limited).code).toBe('RATE_LIMITED');
  expect(errorOf(limited).message).toMatch(/请 \d+ 分钟后再试/);
  expect(errorOf(limited).details?.retryAfterSeconds).toBeGreaterThan(0);
  // A failure record names the openid and the time only.
  const [failure] = await t.server.store.collection('mailLookupFailures').find({ openid: 'demo-T0015' }, { limit: 1 });
  expect(Object.keys(failure).sort()).toEqual(['_id', 'at', 'openid']);
  // Another openid is not affected; an hour after the first failure the window has passed.
  expect((await t.call('mailbox.lookup', { code }, await m.as('T0016'))).status).toBe(200);
  await t.setClock('2026-03-02T10:00:30+08:00');
  expect((await t.call('mailbox.lookup', { code }, token)).status).toBe(200);
  await t.ok('dev.clock.reset', {});
});

it('holds the limit when wrong codes arrive all at once', async () => {
  const token = await m.as('T0017');
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      t.call('mailbox.lookup', { code: `ABCDEFGHJK${'23456789'[i % 8]}${'23456789'[Math.floor(i / 8)]}` }, token),
    ),
  );
  expect(results.filter((r) => r.status === 404).length).toBeLessThanOrEqual(5);
  expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(15);
  expect(await t.server.store.collection('mailLookupFailures').count({ openid: 'demo-T0017' })).toBeLessThanOrEqual(5);
});

it('refuses a code of the wrong shape as INVALID_INPUT without counting it', async () => {
  const token = await m.as('T0018');
  for (const code of ['', 'short', 'O0I1L0O0I1L0', 'x'.repeat(100)]) {
    const res = await t.call('mailbox.lookup', { code }, token);
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('INVALID_INPUT');
  }
  expect(await t.server.store.collection('mailLookupFailures').count({ openid: 'demo-T0018' })).toBe(0);
});
