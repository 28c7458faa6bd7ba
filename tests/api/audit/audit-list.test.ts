import { addDays } from '../../../src/core/time';
import { errorOf, startTestServer, type TestServer } from '../support/harness';

// audit.list { page?, action?, actorId? }: admins read who did what, newest first, 50 a page.
let t: TestServer;
let admin: string;
let secretary: string;
let ids: Record<string, string>;
const CALENDAR_WRITES = 52;

async function staffIdOf(staffNo: string): Promise<string> {
  const [doc] = await t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return doc._id;
}

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('demo-T0001');
  secretary = await t.login('demo-T0002');
  ids = { T0001: await staffIdOf('T0001'), T0002: await staffIdOf('T0002') };
  await t.server.store.collection('audit').remove({});
  // Privileged writes by two people: the admin's calendar entries, the secretary's readings.
  for (let i = 0; i < CALENDAR_WRITES; i++) {
    await t.ok('calendar.set', { date: addDays('2099-01-01', i), workday: i % 2 === 0, note: '测试' }, admin);
  }
  await t.ok('reading.publish', { date: '2099-06-01', title: '晨读一', body: '学习内容。\n第二段。' }, secretary);
  await t.ok('reading.publish', { date: '2099-06-02', title: '晨读二', body: '学习内容。\n第二段。' }, secretary);
});
afterAll(() => t.stop());

const newestFirst = (items: { at: string }[]) => items.every((e, i) => i === 0 || items[i - 1].at >= e.at);

describe('audit.list', () => {
  it('pages the whole log newest first, 50 a page, with the total', async () => {
    const first = await t.ok('audit.list', {}, admin);
    expect(first).toMatchObject({ total: CALENDAR_WRITES + 2, page: 1, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items.slice(0, 2).map((e) => e.action)).toEqual(['reading.publish', 'reading.publish']);
    expect(newestFirst(first.items)).toBe(true);
    const second = await t.ok('audit.list', { page: 2 }, admin);
    expect(second.items).toHaveLength(4);
    expect(second.items.every((e) => first.items.every((f) => f.id !== e.id))).toBe(true);
    expect(second.items[0].at <= first.items[49].at).toBe(true);
    expect((await t.ok('audit.list', { page: 3 }, admin)).items).toEqual([]);
  });

  it('filters by action: only its lines, with their own total and pages', async () => {
    const page1 = await t.ok('audit.list', { action: 'calendar.set' }, admin);
    expect(page1.total).toBe(CALENDAR_WRITES);
    expect(page1.items.every((e) => e.action === 'calendar.set')).toBe(true);
    expect(page1.items[0]).toMatchObject({ actorId: ids.T0001, actorName: '李明', actorStaffNo: 'T0001' });
    expect(page1.items[0].target).toBe(`date:${addDays('2099-01-01', CALENDAR_WRITES - 1)}`);
    const page2 = await t.ok('audit.list', { action: 'calendar.set', page: 2 }, admin);
    expect(page2.items).toHaveLength(CALENDAR_WRITES - 50);
    expect(page2.items.every((e) => e.action === 'calendar.set')).toBe(true);
    expect(await t.ok('audit.list', { action: 'honor.select' }, admin)).toMatchObject({ total: 0, items: [] });
  });

  it('filters by person, and by person and action together', async () => {
    const mine = await t.ok('audit.list', { actorId: ids.T0002 }, admin);
    expect(mine.total).toBe(2);
    expect(mine.items.map((e) => [e.action, e.actorName, e.actorStaffNo, e.target])).toEqual([
      ['reading.publish', '王芳', 'T0002', 'reading:2099-06-02'],
      ['reading.publish', '王芳', 'T0002', 'reading:2099-06-01'],
    ]);
    expect(await t.ok('audit.list', { actorId: ids.T0001, action: 'reading.publish' }, admin)).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await t.ok('audit.list', { actorId: ids.T0001, action: 'calendar.set' }, admin)).total).toBe(
      CALENDAR_WRITES,
    );
    expect((await t.ok('audit.list', { actorId: 'nobody' }, admin)).total).toBe(0);
  });

  it('is for admins only: staff and the secretary get FORBIDDEN', async () => {
    for (const openid of ['demo-T0004', 'demo-T0002']) {
      const res = await t.post('audit.list', { action: 'calendar.set' }, await t.login(openid));
      expect([openid, res.status, errorOf(res).code]).toEqual([openid, 403, 'FORBIDDEN']);
    }
    expect((await t.post('audit.list', {}, null)).status).toBe(401);
  });

  it('answers bad input with 400 and a Chinese message', async () => {
    for (const input of [
      { action: `calendar.${'x'.repeat(80)}` },
      { action: '; drop' },
      { action: ['calendar.set'] },
      { actorId: 'x'.repeat(65) },
      { actorId: 7 },
      { page: 0 },
      { page: 1.5 },
      { order: 'asc' },
      { action: 'calendar.set', at: { gt: '' } },
    ]) {
      const res = await t.post('audit.list', input, admin);
      expect([JSON.stringify(input), res.status]).toEqual([JSON.stringify(input), 400]);
      const error = errorOf(res);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('records no line for reading the log', async () => {
    const before = (await t.ok('audit.list', {}, admin)).total;
    await t.ok('audit.list', { page: 2 }, admin);
    expect((await t.ok('audit.list', {}, admin)).total).toBe(before);
  });
});
