import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { BODY, MailDriver } from './support';

let t: TestServer;
let m: MailDriver;
beforeAll(async () => {
  t = await startTestServer();
  m = new MailDriver(t);
});
afterAll(() => t.stop());

const good = { subject: '标题', body: BODY, anonymous: true };

it.each([
  ['oversized subject', { ...good, subject: '长'.repeat(61) }],
  ['oversized body', { ...good, body: '长'.repeat(2001) }],
  ['short body', { ...good, body: '太短' }],
  ['a megabyte of zero-width spaces', { ...good, body: '\u200b'.repeat(1_000_000) }],
  ['subject empty after cleaning', { ...good, subject: '\u200b\u200d\u2060 \t' }],
  ['body empty after cleaning', { ...good, body: '\u202e\u200b\u0000\u0007     ' }],
  ['subject of the wrong type', { ...good, subject: 42 }],
  ['anonymous as a string', { ...good, anonymous: 'yes' }],
  ['anonymous missing', { subject: '标题', body: BODY }],
  ['unknown category', { ...good, category: '表扬' }],
  ['an unknown field', { ...good, staffId: 'someone-else' }],
  ['an array instead of an object', [good]],
  ['a bare string', '"hello"'],
])('refuses %s with INVALID_INPUT and stores nothing', async (_, input) => {
  const before = await t.server.store.collection('mailbox').count({});
  const res = await t.post('mailbox.send', input, await m.as('T0030'));
  expect(res.status).toBe(400);
  const error = errorOf(res);
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(await t.server.store.collection('mailbox').count({})).toBe(before);
});

it('refuses what the content check stops, in subject or body, storing nothing', async () => {
  for (const input of [
    { ...good, subject: '赌\u200b博' },
    { ...good, body: `${BODY}ｄ毒品` },
  ]) {
    const res = await t.post('mailbox.send', input, await m.as('T0030'));
    expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'content' } });
  }
  expect(await t.server.store.collection('mailbox').count({})).toBe(0);
});

it('cleans what it stores: invisible characters out, line breaks of the body kept', async () => {
  const sent = await t.ok(
    'mailbox.send',
    { subject: ' 关于\u200b食堂\n的建议 ', body: `第一行\u200b内容\r\n第二行内容`, anonymous: false },
    await m.as('T0030'),
  );
  expect(sent.message.subject).toBe('关于食堂 的建议');
  expect(sent.message.body).toBe('第一行内容\n第二行内容');
});

it('refuses unbound callers and hostile list, mine, get and reply inputs', async () => {
  expect((await t.post('mailbox.send', good, await t.login('stranger-1'))).status).toBe(401);
  const admin = await m.as('T0001');
  for (const [action, input] of [
    ['mailbox.list', { status: 'deleted' }],
    ['mailbox.list', { page: 0 }],
    ['mailbox.mine', { page: 'x' }],
    ['mailbox.get', { messageId: 'x'.repeat(65) }],
    ['mailbox.reply', { messageId: 'a', body: '长'.repeat(2001) }],
    ['mailbox.close', { messageId: 'a', extra: true }],
  ] as const) {
    const res = await t.post(action, input, admin);
    expect({ action, status: res.status }).toEqual({ action, status: 400 });
  }
});
