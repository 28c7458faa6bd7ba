import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { BODY, readAndCheckIn, sh, withoutSeededReadings } from './support';

// Readings: published by the secretary, one per date, edited with reading.update (DESIGN.md §4).
let t: TestServer;
let secretary: string;
let staff: string;
beforeAll(async () => {
  t = await startTestServer();
  await withoutSeededReadings(t);
  secretary = await t.login('demo-T0002');
  staff = await t.login('demo-T0010');
  await t.setClock(sh('2027-03-01', '10:00:00'), true); // a Monday
});
afterAll(() => t.stop());

const readingsOn = (date: string) => t.server.store.collection('readings').count({ date });

describe('reading.publish', () => {
  it('publishes for today and ahead, with paragraphs and an optional source, and audits it', async () => {
    const today = await t.ok(
      'reading.publish',
      { date: '2027-03-01', title: '今日晨读', body: `${BODY}\r\n` },
      secretary,
    );
    expect(today.reading).toMatchObject({ date: '2027-03-01', title: '今日晨读', body: BODY });
    expect(today.reading.source).toBeUndefined();
    const ahead = await t.ok(
      'reading.publish',
      { date: '2027-03-03', title: '周三晨读', body: BODY, source: '机关党委' },
      secretary,
    );
    expect(ahead.reading.source).toBe('机关党委');
    const audit = await t.server.store.collection('audit').find({ action: 'reading.publish' }, { limit: 10 });
    expect(audit.map((a) => a.target)).toEqual(expect.arrayContaining(['reading:2027-03-01', 'reading:2027-03-03']));
  });

  it('refuses a second reading for the same date with CONFLICT, and keeps the first', async () => {
    const res = await t.call('reading.publish', { date: '2027-03-01', title: '另一篇', body: BODY }, secretary);
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('CONFLICT');
    expect(errorOf(res).details?.readingId).toEqual(expect.any(String));
    expect(await readingsOn('2027-03-01')).toBe(1);
  });

  it('refuses 50 simultaneous publishes for one date but one', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.call('reading.publish', { date: '2027-03-05', title: `第${i}篇`, body: BODY }, secretary),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    expect(await readingsOn('2027-03-05')).toBe(1);
  });

  it('refuses a past date, bad input and bad words, storing nothing', async () => {
    const past = await t.call('reading.publish', { date: '2027-02-28', title: '昨天', body: BODY }, secretary);
    expect(past.status).toBe(422);
    expect(errorOf(past).details?.rule).toBe('pastDate');
    for (const input of [
      { date: '2027-03-02', title: '', body: BODY },
      { date: '2027-03-02', title: '标题', body: '太短' },
      { date: '2027-03-02', title: '标'.repeat(61), body: BODY },
      { date: '2027-03-02', title: '标题', body: '字'.repeat(10_001) },
      { date: '2027-02-30', title: '标题', body: BODY },
      { date: '2027-03-02', title: '标题', body: BODY, extra: 1 },
    ]) {
      const res = await t.post('reading.publish', input, secretary);
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('INVALID_INPUT');
    }
    const dirty = await t.call(
      'reading.publish',
      { date: '2027-03-02', title: '标题', body: `${BODY}赌博` },
      secretary,
    );
    expect(errorOf(dirty).details).toMatchObject({ rule: 'content', field: 'body' });
    expect(await readingsOn('2027-03-02')).toBe(0);
    expect(await readingsOn('2027-02-28')).toBe(0);
  });

  it('is for the secretary and admin only', async () => {
    const res = await t.call('reading.publish', { date: '2027-03-02', title: '标题', body: BODY }, staff);
    expect(res.status).toBe(403);
    const admin = await t.login('demo-T0001');
    expect(
      (await t.ok('reading.publish', { date: '2027-03-02', title: '管理员发布', body: BODY }, admin)).reading.date,
    ).toBe('2027-03-02');
  });
});

describe('reading.update', () => {
  it('edits title, body and source; an empty source clears it', async () => {
    const [doc] = await t.server.store.collection('readings').find({ date: '2027-03-03' }, { limit: 1 });
    const res = await t.ok('reading.update', { readingId: doc._id, title: '新标题', source: '' }, secretary);
    expect(res.reading).toMatchObject({ title: '新标题', body: BODY });
    expect(res.reading.source).toBeUndefined();
    expect((await t.server.store.collection('readings').get(doc._id))?.title).toBe('新标题');
    const empty = await t.call('reading.update', { readingId: doc._id }, secretary);
    expect(errorOf(empty).code).toBe('INVALID_INPUT');
  });

  it('moves a date only to a free day ahead, and never once someone checked in', async () => {
    const [wed] = await t.server.store.collection('readings').find({ date: '2027-03-03' }, { limit: 1 });
    const taken = await t.call('reading.update', { readingId: wed._id, date: '2027-03-05' }, secretary);
    expect(errorOf(taken).code).toBe('CONFLICT');
    const past = await t.call('reading.update', { readingId: wed._id, date: '2027-02-26' }, secretary);
    expect(errorOf(past).details?.rule).toBe('pastDate');
    expect((await t.ok('reading.update', { readingId: wed._id, date: '2027-03-04' }, secretary)).reading.date).toBe(
      '2027-03-04',
    );

    const [mon] = await t.server.store.collection('readings').find({ date: '2027-03-01' }, { limit: 1 });
    await readAndCheckIn(t, staff, mon._id, '2027-03-01');
    await t.setClock(sh('2027-03-01', '10:00:00'), true);
    const moved = await t.call('reading.update', { readingId: mon._id, date: '2027-03-08' }, secretary);
    expect(errorOf(moved).details?.rule).toBe('hasCheckins');
    expect((await t.server.store.collection('readings').get(mon._id))?.date).toBe('2027-03-01');
  });

  it('is refused to staff and answers NOT_FOUND for an unknown id', async () => {
    const [doc] = await t.server.store.collection('readings').find({ date: '2027-03-01' }, { limit: 1 });
    expect((await t.call('reading.update', { readingId: doc._id, title: '改' }, staff)).status).toBe(403);
    expect((await t.call('reading.update', { readingId: 'nope', title: '改' }, secretary)).status).toBe(404);
  });
});

describe('reading.list and reading.get', () => {
  it('shows staff the month up to today, the secretary also ahead with check-in counts', async () => {
    const mine = await t.ok('reading.list', { month: '2027-03' }, staff);
    expect(mine.items.map((i) => i.date)).toEqual(['2027-03-01']);
    expect(mine.items[0]).toMatchObject({ mine: 'checked' });
    expect(mine.items[0].checkins).toBeUndefined();
    const all = await t.ok('reading.list', { month: '2027-03' }, secretary);
    expect(all.items.map((i) => i.date)).toEqual(['2027-03-01', '2027-03-02', '2027-03-04', '2027-03-05']);
    expect(all.items[0].checkins).toBe(1);
    expect(all.items[1].checkins).toBe(0);
  });

  it('hides a reading ahead of its day from staff', async () => {
    const [ahead] = await t.server.store.collection('readings').find({ date: '2027-03-04' }, { limit: 1 });
    expect((await t.call('reading.get', { readingId: ahead._id }, staff)).status).toBe(404);
    expect((await t.call('reading.open', { readingId: ahead._id }, staff)).status).toBe(404);
    expect((await t.ok('reading.get', { readingId: ahead._id }, secretary)).reading.title).toBe('新标题');
    await t.setClock(sh('2027-03-04', '06:30:00'), true);
    expect((await t.ok('reading.get', { readingId: ahead._id }, staff)).reading.date).toBe('2027-03-04');
  });

  it('answers INVALID_INPUT for a malformed month', async () => {
    for (const month of ['2027-13', '2027-3', 202703]) {
      expect((await t.post('reading.list', { month }, staff)).status).toBe(400);
    }
  });
});
