import type { ActionName } from '../../../src/core/contract';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { BODY, MailDriver } from './support';

let t: TestServer;
let m: MailDriver;
beforeAll(async () => {
  t = await startTestServer();
  m = new MailDriver(t);
});
afterAll(() => t.stop());

it('lists newest first by status, anonymous rows as 匿名, named rows with the sender', async () => {
  const admin = await m.as('T0001');
  await t.setClock('2026-03-02T10:00:00+08:00', true);
  const named = await t.ok('mailbox.send', { subject: '实名一', body: BODY, anonymous: false }, await m.as('T0020'));
  await t.setClock('2026-03-03T10:00:00+08:00', true);
  const anon = await t.ok('mailbox.send', { subject: '匿名二', body: BODY, anonymous: true }, await m.as('T0021'));
  await t.ok('dev.clock.reset', {});
  const list = await t.ok('mailbox.list', { status: 'open' }, admin);
  const ids = list.items.map((i) => i.id);
  expect(ids.indexOf(anon.message.id)).toBeLessThan(ids.indexOf(named.message.id));
  const sender = await m.staff('T0020');
  expect(list.items.find((i) => i.id === named.message.id)?.from).toBe(`${sender.name}（${sender.department}）`);
  expect(list.items.find((i) => i.id === anon.message.id)?.from).toBe('匿名');
  const got = await t.ok('mailbox.get', { messageId: anon.message.id }, admin);
  expect(got.message.sender).toBeNull();
  expect((await t.ok('mailbox.get', { messageId: named.message.id }, admin)).message.sender).toEqual({
    name: sender.name,
    department: sender.department,
  });
  expect((await t.call('mailbox.get', { messageId: 'nope' }, admin)).status).toBe(404);
});

it('a reply reaches a named sender as an inbox notice linking the mailbox; they see 办公室 as author', async () => {
  const sender = await m.as('T0022');
  const sent = await t.ok('mailbox.send', { subject: '停车位', body: BODY, anonymous: false }, sender);
  const reply = await t.ok(
    'mailbox.reply',
    { messageId: sent.message.id, body: '已协调增加车位。' },
    await m.as('T0001'),
  );
  expect(reply.message.status).toBe('replied');
  expect(reply.message.replies[0]).toMatchObject({ body: '已协调增加车位。', by: '李明' });
  const inbox = await t.ok('inbox.list', {}, sender);
  expect(inbox.items[0]).toMatchObject({
    kind: 'mailbox.replied',
    link: '/subpackages/mailbox/index/index',
    read: false,
  });
  expect(inbox.items[0].body).toContain('停车位');
  expect(inbox.items[0].body).not.toContain('李明');
  const mine = await t.ok('mailbox.mine', {}, sender);
  expect(mine.items[0]).toMatchObject({ id: sent.message.id, status: 'replied' });
  expect(mine.items[0].replies).toEqual([{ body: '已协调增加车位。', at: expect.any(String), by: '办公室' }]);
  // The reply is audited under the message, never under a sender.
  const audit = await t.server.store.collection('audit').find({ action: 'mailbox.reply' }, { limit: 10 });
  expect(audit.map((a) => a.target)).toContain(`messageId:${sent.message.id}`);
});

it('closes once (repeat: already) and then refuses replies with RULE closed', async () => {
  const admin = await m.as('T0001');
  const sent = await t.ok('mailbox.send', { subject: '办结测试', body: BODY, anonymous: true }, await m.as('T0023'));
  const closed = await t.ok('mailbox.close', { messageId: sent.message.id }, admin);
  expect(closed.message.status).toBe('closed');
  expect(closed.already).toBeUndefined();
  expect((await t.ok('mailbox.close', { messageId: sent.message.id }, admin)).already).toBe(true);
  const res = await t.call('mailbox.reply', { messageId: sent.message.id, body: '迟到的答复' }, admin);
  expect(res.status).toBe(422);
  expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'closed' } });
  expect((await t.ok('mailbox.get', { messageId: sent.message.id }, admin)).message.replies).toEqual([]);
});

it('refuses every admin action to staff, secretaries and organizers with FORBIDDEN', async () => {
  const sent = await t.ok('mailbox.send', { subject: '权限测试', body: BODY, anonymous: false }, await m.as('T0024'));
  const messageId = sent.message.id;
  const calls: [ActionName, unknown][] = [
    ['mailbox.list', {}],
    ['mailbox.get', { messageId }],
    ['mailbox.reply', { messageId, body: '越权答复' }],
    ['mailbox.close', { messageId }],
  ];
  for (const staffNo of ['T0024', 'T0002', 'T0003']) {
    for (const [action, input] of calls) {
      const res = await t.post(action, input, await m.as(staffNo));
      expect({ staffNo, action, status: res.status }).toEqual({ staffNo, action, status: 403 });
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
  }
  const doc = await t.server.store.collection('mailbox').get(messageId);
  expect(doc).toMatchObject({ status: 'open', replies: [] });
  expect((await t.post('mailbox.list', {}, null)).status).toBe(401);
});

it('refuses a reply the content check stops, and an empty one', async () => {
  const admin = await m.as('T0001');
  const sent = await t.ok('mailbox.send', { subject: '内容测试', body: BODY, anonymous: false }, await m.as('T0025'));
  const bad = await t.call('mailbox.reply', { messageId: sent.message.id, body: '欢迎参与赌博' }, admin);
  expect(errorOf(bad)).toMatchObject({ code: 'RULE', details: { rule: 'content' } });
  expect((await t.call('mailbox.reply', { messageId: sent.message.id, body: '\u200b \n' }, admin)).status).toBe(400);
  expect((await t.ok('mailbox.get', { messageId: sent.message.id }, admin)).message).toMatchObject({
    status: 'open',
    replies: [],
  });
});
