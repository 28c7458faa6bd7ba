import { notify } from '../../../server/features/inbox/notify';
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

/** Notices from the demo seed, so that the checks below count only what each test adds. */
async function baseline(token: string) {
  const list = await t.ok('inbox.list', {}, token);
  return { total: list.total, unread: list.unread };
}

describe('inbox', () => {
  it('lists my notices newest first with the unread count, and reading one is harmless to repeat', async () => {
    const me = await staffId('T0010');
    const token = await t.login('demo-T0010');
    const before = await baseline(token);
    await notify(
      t.server.store,
      { staffId: me, kind: 'test.first', title: '第一条', body: '正文一' },
      new Date('2026-03-02T01:00:00Z'),
    );
    await notify(
      t.server.store,
      { staffId: me, kind: 'test.second', title: '第二条', body: '正文二', link: '/pages/me/index' },
      new Date('2099-03-02T02:00:00Z'),
    );
    await notify(
      t.server.store,
      { staffId: await staffId('T0011'), kind: 'x', title: '别人的', body: '…' },
      new Date(),
    );

    const list = await t.ok('inbox.list', {}, token);
    expect(list.items.map((m) => m.title).slice(0, 2)).toEqual(['第二条', '第一条']);
    expect(list).toMatchObject({ total: before.total + 2, unread: before.unread + 2 });
    expect(list.items[0]).toMatchObject({ kind: 'test.second', link: '/pages/me/index', read: false });

    const read = await t.ok('inbox.read', { messageId: list.items[1].id }, token);
    expect(read.message.read).toBe(true);
    expect((await t.ok('inbox.read', { messageId: list.items[1].id }, token)).already).toBe(true);
    expect((await t.ok('inbox.list', {}, token)).unread).toBe(before.unread + 1);
    const unread = await t.ok('inbox.list', { unreadOnly: true }, token);
    expect(unread.items.map((m) => m.title)).toContain('第二条');
    expect(unread.items.map((m) => m.title)).not.toContain('第一条');
  });

  it("reports another member's notice as NOT_FOUND and leaves it unread", async () => {
    const owner = await t.login('demo-T0011');
    const other = await t.ok('inbox.list', {}, owner);
    const theirs = other.items.find((m) => m.title === '别人的');
    if (!theirs) throw new Error('the notice for T0011 is missing');
    const res = await t.call('inbox.read', { messageId: theirs.id }, await t.login('demo-T0010'));
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
    const after = await t.ok('inbox.list', {}, owner);
    expect(after.unread).toBe(other.unread);
    expect(after.items.find((m) => m.id === theirs.id)?.read).toBe(false);
  });
});
