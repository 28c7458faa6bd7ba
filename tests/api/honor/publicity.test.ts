import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { AT, DEEDS, HonorDriver } from './support';

let t: TestServer;
let h: HonorDriver;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
});
afterAll(() => t.stop());

const select = async (roundId: string, nominationIds: string[]) =>
  (await t.ok('honor.select', { roundId, nominationIds }, await h.as('T0001'))).round;

describe('selecting the honorees', () => {
  it('waits for voting to close, takes approved candidates only, and opens publicity for 5 workdays from the next day', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006'], ['T0007']);
    const admin = await h.as('T0001');
    await h.at('2026-03-13T17:59:00+08:00');
    expect(
      errorOf(await t.call('honor.select', { roundId: round.id, nominationIds: [ids.T0005] }, admin)).details?.rule,
    ).toBe('votingOpen');
    await h.at(AT.select);
    expect(
      errorOf(await t.call('honor.select', { roundId: round.id, nominationIds: [ids.T0005] }, await h.as('T0002')))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await t.call('honor.select', { roundId: round.id, nominationIds: [ids.T0007] }, admin)).details?.rule,
    ).toBe('notCandidate');
    expect(
      errorOf(await t.call('honor.select', { roundId: round.id, nominationIds: ['x'] }, admin)).details?.rule,
    ).toBe('notCandidate');

    const moved = await select(round.id, [ids.T0005]);
    expect(moved).toMatchObject({
      phase: 'publicity',
      winnerIds: [ids.T0005],
      publicityStart: '2026-03-17',
      publicityEnd: '2026-03-23',
      publicityEndsAt: '2026-03-23T16:00:00.000Z',
    });
    expect(await t.ok('honor.select', { roundId: round.id, nominationIds: [ids.T0005] }, admin)).toMatchObject({
      already: true,
    });
    const inbox = await t.ok('inbox.list', {}, await h.as('T0005'));
    expect(inbox.items.find((m) => m.kind === 'honor.selected')?.body).toMatch(/2026-03-17 至 2026-03-23/);
    const seen = await t.ok('honor.nominations', { roundId: round.id }, await h.as('T0020'));
    expect(seen.items.map((n) => [n.nominee.name, n.winner])).toEqual([
      ['陈静', true],
      ['杨磊', false],
    ]);
  });

  it('counts workdays on the official calendar (劳动节 off, its 调休 Saturday on) under the unit’s own entries', async () => {
    // 2026: 05-01..05-05 off, Saturday 05-09 worked, from the State Council's schedule alone.
    const { round, ids } = await h.voting(['T0008'], [], { publicityDays: 6 });
    await h.at('2026-04-28T10:00:00+08:00');
    expect(await select(round.id, [ids.T0008])).toMatchObject({
      publicityStart: '2026-04-29',
      publicityEnd: '2026-05-09',
    });
    // The unit's entry wins: with 04-30 off too, the sixth workday is Monday 05-11.
    await t.ok('calendar.set', { date: '2026-04-30', workday: false, note: '单位休假' }, await h.as('T0001'));
    const later = await h.voting(['T0008'], [], { publicityDays: 6 });
    await h.at('2026-04-28T10:00:00+08:00');
    expect(await select(later.round.id, [later.ids.T0008])).toMatchObject({
      publicityStart: '2026-04-29',
      publicityEnd: '2026-05-11',
    });
    await t.ok('calendar.clear', { date: '2026-04-30' }, await h.as('T0001'));
  });

  it('takes the announcement day in Asia/Shanghai, not in the server’s UTC', async () => {
    const late = await h.voting(['T0009']);
    await h.at('2026-03-16T23:59:59+08:00');
    expect(await select(late.round.id, [late.ids.T0009])).toMatchObject({
      publicityStart: '2026-03-17',
      publicityEnd: '2026-03-23',
    });
    const early = await h.voting(['T0009']);
    // 00:00:30 on Tuesday in Shanghai is still Monday in UTC.
    await h.at('2026-03-16T16:00:30Z');
    expect(await select(early.round.id, [early.ids.T0009])).toMatchObject({
      publicityStart: '2026-03-18',
      publicityEnd: '2026-03-24',
      publicityEndsAt: '2026-03-24T16:00:00.000Z',
    });
  });
});

describe('publicity and publication', () => {
  it('takes objections on honorees during publicity only, shows them to admins only, and publishes after it ends', async () => {
    const { round, ids } = await h.voting(['T0010', 'T0011']);
    const staff = await h.as('T0020');
    const object = (nominationId: string, text = '据我了解，该同志的部分事迹与实际情况不符，请核实。') =>
      t.call('honor.object', { roundId: round.id, nominationId, text }, staff);
    expect(errorOf(await object(ids.T0010)).details?.rule).toBe('phase');
    await h.at(AT.select);
    await select(round.id, [ids.T0010]);
    const before = await h.snapshot();
    expect(errorOf(await object(ids.T0011)).details?.rule).toBe('notHonoree');
    expect(errorOf(await object(ids.T0010, '不对')).details?.fields?.[0]?.field).toBe('text');
    expect(errorOf(await object(ids.T0010, '此人涉嫌赌博，请核实处理')).details?.rule).toBe('content');
    expect(await h.snapshot()).toBe(before);

    await h.at('2026-03-23T23:59:59+08:00');
    const first = await object(ids.T0010);
    expect(first.status).toBe(200);
    expect(
      (
        await t.ok(
          'honor.object',
          { roundId: round.id, nominationId: ids.T0010, text: '再次反映同样的问题，请尽快核实处理。' },
          staff,
        )
      ).already,
    ).toBe(true);
    expect(
      errorOf(await t.call('honor.round.advance', { roundId: round.id, to: 'published' }, await h.as('T0001'))).details
        ?.rule,
    ).toBe('publicityRunning');

    const adminView = await t.ok('honor.nominations', { roundId: round.id }, await h.as('T0001'));
    expect(adminView.items.find((n) => n.id === ids.T0010)?.objections).toEqual([
      expect.objectContaining({
        text: '据我了解，该同志的部分事迹与实际情况不符，请核实。',
        by: expect.objectContaining({ name: '郑霞' }),
      }),
    ]);
    const staffView = await t.ok('honor.nominations', { roundId: round.id }, await h.as('T0021'));
    expect(JSON.stringify(staffView)).not.toMatch(/objections|事迹与实际情况不符/);
    expect((await t.ok('inbox.list', {}, await h.as('T0001'))).items.some((m) => m.kind === 'honor.objection')).toBe(
      true,
    );
    expect(errorOf(await t.call('honor.results', { roundId: round.id }, staff)).details?.rule).toBe('tallyHidden');

    await h.at('2026-03-24T00:00:00+08:00');
    expect(errorOf(await object(ids.T0010, '公示结束后的异议应当被拒绝，不能再提交了。')).details?.rule).toBe(
      'publicityOver',
    );
    const published = await h.advance(round.id, 'published');
    expect(published).toMatchObject({ phase: 'published', year: 2026 });
    expect((await t.ok('inbox.list', {}, await h.as('T0010'))).items.some((m) => m.kind === 'honor.published')).toBe(
      true,
    );
    expect((await t.ok('honor.results', { roundId: round.id }, staff)).items.map((r) => r.winner)).toContain(true);
    expect(
      errorOf(await t.call('honor.round.advance', { roundId: round.id, to: 'cancelled' }, await h.as('T0001'))).details
        ?.rule,
    ).toBe('phaseFinal');

    const board = await t.ok('honor.board', {}, staff);
    expect(board.year).toBe(2026);
    expect(board.years).toEqual([2026]);
    const entry = board.rounds.find((r) => r.round.id === round.id);
    expect(entry?.honorees.map((n) => ({ name: n.nominee.name, category: n.category, deeds: n.deeds }))).toEqual([
      { name: '徐军', category: '职业道德', deeds: DEEDS },
    ]);
    expect(JSON.stringify(board)).not.toMatch(/孙涛|objections|reviewComment/);
    expect((await t.ok('honor.board', { year: 2025 }, staff)).rounds).toEqual([]);
  });
});

describe('taking an honoree off the list during publicity', () => {
  it('removes them from the board to be published, tells them, and is harmless to repeat', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006']);
    await h.at(AT.select);
    await select(round.id, [ids.T0005, ids.T0006]);
    const admin = await h.as('T0001');
    const res = await t.ok(
      'honor.unselect',
      { roundId: round.id, nominationId: ids.T0006, reason: '异议经核实成立' },
      admin,
    );
    expect(res.round.winnerIds).toEqual([ids.T0005]);
    expect(
      (await t.ok('honor.unselect', { roundId: round.id, nominationId: ids.T0006, reason: '异议经核实成立' }, admin))
        .already,
    ).toBe(true);
    const notice = (await t.ok('inbox.list', {}, await h.as('T0006'))).items.find((m) => m.kind === 'honor.unselected');
    expect(notice?.body).toMatch(/未列入/);
    expect(notice?.body).not.toMatch(/异议/); // the reason stays with the admins

    // The last one cannot be taken off; publishing carries only who is left.
    const last = await t.call(
      'honor.unselect',
      { roundId: round.id, nominationId: ids.T0005, reason: '测试最后一人' },
      admin,
    );
    expect(errorOf(last).details?.rule).toBe('lastHonoree');
    await h.at('2026-03-24T09:00:00+08:00');
    await h.advance(round.id, 'published');
    const board = await t.ok('honor.board', { year: 2026 }, await h.as('T0020'));
    const published = board.rounds.find((r) => r.round.id === round.id);
    expect(published?.honorees.map((n) => n.nominee.name)).toEqual(['陈静']);
  });

  it('refuses outside publicity, for someone not on the list, for non-admins, and with an unclean reason, changing nothing', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006'], ['T0007']);
    const admin = await h.as('T0001');
    const early = await t.call(
      'honor.unselect',
      { roundId: round.id, nominationId: ids.T0005, reason: '投票期间' },
      admin,
    );
    expect(errorOf(early).details?.rule).toBe('phase');
    await h.at(AT.select);
    await select(round.id, [ids.T0005, ids.T0006]);
    const before = await h.snapshot();
    const notListed = await t.call(
      'honor.unselect',
      { roundId: round.id, nominationId: ids.T0007, reason: '不在名单' },
      admin,
    );
    expect(errorOf(notListed).details?.rule).toBe('notHonoree');
    const staff = await t.call(
      'honor.unselect',
      { roundId: round.id, nominationId: ids.T0005, reason: '我要撤销' },
      await h.as('T0010'),
    );
    expect(staff.status).toBe(403);
    const unclean = await t.call(
      'honor.unselect',
      { roundId: round.id, nominationId: ids.T0005, reason: '涉嫌赌博' },
      admin,
    );
    expect(errorOf(unclean).details?.rule).toBe('content');
    const empty = await t.post('honor.unselect', { roundId: round.id, nominationId: ids.T0005, reason: '' }, admin);
    expect(empty.status).toBe(400);
    expect(await h.snapshot()).toEqual(before);
  });
});
