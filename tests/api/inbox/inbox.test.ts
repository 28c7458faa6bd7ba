import { notify } from '../../../server/inbox';
import { errorOf, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

async function staffId(staffNo: string): Promise<string> {
  const [doc] = await t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return doc._id;
}

describe('inbox', () => {
  it('lists my notices newest first with the unread count, and reading one is harmless to repeat', async () => {
    const me = await staffId('T0010');
    await notify(t.server.store, { staffId: me, kind: 'test.first', title: '第一条', body: '正文一' }, new Date('2026-03-02T01:00:00Z'));
    await notify(
      t.server.store,
      { staffId: me, kind: 'test.second', title: '第二条', body: '正文二', link: '/pages/me/index' },
      new Date('2026-03-02T02:00:00Z'),
    );
    await notify(t.server.store, { staffId: await staffId('T0011'), kind: 'x', title: '别人的', body: '…' }, new Date());
    const token = await t.login('demo-T0010');

    const list = await t.ok('inbox.list', {}, token);
    expect(list.items.map((m) => m.title)).toEqual(['第二条', '第一条']);
    expect(list).toMatchObject({ total: 2, unread: 2 });
    expect(list.items[0]).toMatchObject({ kind: 'test.second', link: '/pages/me/index', read: false });

    const read = await t.ok('inbox.read', { messageId: list.items[1].id }, token);
    expect(read.message.read).toBe(true);
    expect((await t.ok('inbox.read', { messageId: list.items[1].id }, token)).already).toBe(true);
    expect((await t.ok('inbox.list', {}, token)).unread).toBe(1);
    expect((await t.ok('inbox.list', { unreadOnly: true }, token)).items.map((m) => m.title)).toEqual(['第二条']);
  });

  it("reports another member's notice as NOT_FOUND and leaves it unread", async () => {
    const other = await t.ok('inbox.list', {}, await t.login('demo-T0011'));
    const res = await t.call('inbox.read', { messageId: other.items[0].id }, await t.login('demo-T0010'));
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    expect((await t.ok('inbox.list', {}, await t.login('demo-T0011'))).unread).toBe(1);
  });
});
