import { startTestServer, type TestServer } from '../support/harness';

/**
 * The local server caches the settings, the day's reading and the calendar as a cloud container
 * does (kernel/cache.ts), and forgets an entry the moment a write to what it was read from commits:
 * an answer is never older than the server's own last write, in or out of a transaction.
 */
let t: TestServer;
let member: string;
beforeAll(async () => {
  t = await startTestServer();
  await t.setClock('2026-03-02T01:00:00.000Z', true); // Monday 09:00 in Shanghai
  member = await t.login('demo-T0010');
  const secretary = await t.login('demo-T0002');
  await t.ok(
    'reading.publish',
    { date: '2026-03-02', title: '今日晨读', body: '第一段：学习要联系实际，抓落实要一抓到底。' },
    secretary,
  );
});
afterAll(() => t.stop());

describe('the local read cache', () => {
  it('answers a reading changed by a plain write at once', async () => {
    const today = await t.ok('reading.today', {}, member);
    if (!today.reading) throw new Error('the reading published above is missing');
    const id = today.reading.id;
    await t.server.store.collection('readings').update({ _id: id }, { set: { title: '改过的标题' } });
    expect((await t.ok('reading.today', {}, member)).reading?.title).toBe('改过的标题');
    expect((await t.ok('reading.get', { readingId: id }, member)).reading.title).toBe('改过的标题');
  });

  it('answers settings changed inside a transaction once it commits', async () => {
    expect((await t.ok('reading.today', {}, member)).minReadingSeconds).not.toBe(123);
    await t.server.store.transaction(async (tx) => {
      await tx.collection('settings').update({ _id: 'unit' }, { set: { minReadingSeconds: 123 } });
    });
    expect((await t.ok('reading.today', {}, member)).minReadingSeconds).toBe(123);
  });

  it('answers a calendar entry at once', async () => {
    const admin = await t.login('demo-T0001');
    expect((await t.ok('reading.today', {}, member)).workday).toBe(true);
    await t.server.store.collection('calendar').insert({
      _id: '2026-03-02',
      date: '2026-03-02',
      month: '2026-03',
      workday: false,
      note: '临时放假',
      updatedAt: '2026-03-02T01:00:00.000Z',
      updatedBy: admin,
    });
    const after = await t.ok('reading.today', {}, member);
    expect([after.workday, after.calendarNote]).toEqual([false, '临时放假']);
  });
});
