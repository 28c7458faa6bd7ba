import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { AT, HonorDriver } from './support';

let t: TestServer;
let h: HonorDriver;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
});
afterAll(() => t.stop());

describe('creating a round', () => {
  it('takes the defaults of DESIGN.md §5 and starts as a draft only admins see', async () => {
    const round = await h.create({ title: '2026年第一季度好人榜' });
    expect(round).toMatchObject({
      phase: 'draft',
      categories: ['个人品德', '家庭美德', '职业道德', '社会公德'],
      ballotSize: 3,
      publicityDays: 5,
      nominateUntil: '2026-03-06T10:00:00.000Z',
      voteUntil: '2026-03-13T10:00:00.000Z',
      nominationCount: 0,
    });
    const staff = await h.as('T0010');
    expect((await t.ok('honor.round.list', {}, staff)).items.map((r) => r.id)).not.toContain(round.id);
    expect(errorOf(await t.call('honor.round.get', { roundId: round.id }, staff)).code).toBe('NOT_FOUND');
    expect((await t.ok('honor.round.list', {}, await h.as('T0001'))).items.map((r) => r.id)).toContain(round.id);
    const audit = await t.ok('audit.list', {}, await h.as('T0001'));
    expect(audit.items.find((a) => a.action === 'honor.round.create')?.target).toBe(`honorRound:${round.id}`);
  });

  it('refuses bad settings with coded errors and stores nothing', async () => {
    await h.at(AT.created);
    const admin = await h.as('T0001');
    const before = await h.snapshot();
    const base = { title: '评选', nominateUntil: AT.nominateUntil, voteUntil: AT.voteUntil };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, voteUntil: AT.nominateUntil }, 400, 'voteUntil'],
      [{ ...base, nominateUntil: '2026-03-06' }, 400, 'nominateUntil'],
      [{ ...base, ballotSize: 0 }, 400, 'ballotSize'],
      [{ ...base, ballotSize: 2.5 }, 400, 'ballotSize'],
      [{ ...base, publicityDays: 31 }, 400, 'publicityDays'],
      [{ ...base, categories: ['职业道德', '职业道德'] }, 400, 'categories'],
      [{ ...base, categories: [] }, 400, 'categories'],
      [{ ...base, title: 'x'.repeat(61) }, 400, 'title'],
      [{ ...base, extra: 1 }, 400, '(input)'],
    ];
    for (const [input, status, field] of cases) {
      const res = await t.post('honor.round.create', input, admin);
      expect(res.status).toBe(status);
      expect(errorOf(res).details?.fields?.[0]?.field).toBe(field);
    }
    const past = await t.post('honor.round.create', { ...base, nominateUntil: '2026-03-02T08:59:00+08:00' }, admin);
    expect(past.status).toBe(422);
    expect(errorOf(past).details?.rule).toBe('deadline');
    // Title and categories are shown to everyone: they pass the content check like any free text.
    for (const [input, field] of [
      [{ ...base, title: '赌博评选' }, 'title'],
      [{ ...base, categories: ['职业道德', '赌博之星'] }, 'categories'],
    ] as const) {
      const unclean = await t.post('honor.round.create', input, admin);
      expect([field, unclean.status, errorOf(unclean).details]).toEqual([
        field,
        422,
        expect.objectContaining({ rule: 'content', field }),
      ]);
    }
    const forbidden = await t.post('honor.round.create', base, await h.as('T0002'));
    expect(forbidden.status).toBe(403);
    expect(await h.snapshot()).toBe(before);
  });
});

describe('advancing a round', () => {
  it('moves one step at a time, never skips or goes back, and repeats harmlessly', async () => {
    const round = await h.create();
    const admin = await h.as('T0001');
    const move = (to: string) => t.post('honor.round.advance', { roundId: round.id, to }, admin);

    for (const to of ['reviewing', 'voting', 'publicity', 'published']) {
      const res = await move(to);
      expect(res.status).toBe(422);
      expect(errorOf(res).details?.rule).toBe('phaseOrder');
    }
    expect(errorOf(await move('later')).code).toBe('INVALID_INPUT');
    await h.at(AT.nominating);
    expect((await move('nominating')).status).toBe(200);
    expect(await t.ok('honor.round.advance', { roundId: round.id, to: 'nominating' }, admin)).toMatchObject({
      already: true,
    });
    expect(errorOf(await move('draft')).details?.rule).toBe('phaseOrder');
    expect(errorOf(await move('voting')).details?.rule).toBe('phaseOrder');
    expect(
      errorOf(await t.call('honor.round.advance', { roundId: round.id, to: 'reviewing' }, await h.as('T0002'))).code,
    ).toBe('FORBIDDEN');
    expect((await t.ok('honor.round.get', { roundId: round.id }, admin)).round.phase).toBe('nominating');
  });

  it('opens nominations only before their deadline', async () => {
    const round = await h.create();
    await h.at('2026-03-06T18:00:00+08:00');
    const res = await t.call('honor.round.advance', { roundId: round.id, to: 'nominating' }, await h.as('T0001'));
    expect(errorOf(res).details?.rule).toBe('deadline');
  });

  it('opens voting only with every nomination reviewed, a candidate, and time left to vote', async () => {
    const admin = await h.as('T0001');
    const round = await h.open();
    const a = await h.nominate(round.id, 'T0004', 'T0005');
    await h.at(AT.reviewing);
    await h.advance(round.id, 'reviewing');
    const toVoting = () => t.call('honor.round.advance', { roundId: round.id, to: 'voting' }, admin);
    expect(errorOf(await toVoting()).details?.rule).toBe('pendingReview');
    await h.review(a.id, 'reject', '事迹与类别不符');
    expect(errorOf(await toVoting()).details?.rule).toBe('noCandidates');
    await h.review(a.id, 'approve');
    await h.at(AT.voteUntil);
    expect(errorOf(await toVoting()).details?.rule).toBe('deadline');
    await h.at(AT.voting);
    expect((await toVoting()).body.ok).toBe(true);
  });

  it('cancels from any phase before publication, and a cancelled round stays cancelled', async () => {
    const admin = await h.as('T0001');
    const { round, ids } = await h.voting(['T0006']);
    expect((await h.advance(round.id, 'cancelled')).phase).toBe('cancelled');
    const res = await t.call('honor.round.advance', { roundId: round.id, to: 'voting' }, admin);
    expect(errorOf(res).details?.rule).toBe('phaseFinal');
    const vote = await t.call('honor.vote', { roundId: round.id, nominationIds: [ids.T0006] }, await h.as('T0010'));
    expect(errorOf(vote).details?.rule).toBe('phase');
  });

  it('keeps selection for honor.select: publicity is not a target of advance', async () => {
    const { round } = await h.voting(['T0007']);
    await h.at(AT.select);
    const res = await t.call('honor.round.advance', { roundId: round.id, to: 'publicity' }, await h.as('T0001'));
    expect(errorOf(res).details?.rule).toBe('phaseOrder');
  });

  it('lists the current round for the tab: the newest one under way', async () => {
    const admin = await h.as('T0001');
    expect((await t.ok('honor.round.list', {}, admin)).currentId).not.toBeNull();
    for (const r of (await t.ok('honor.round.list', {}, admin)).items) {
      if (!['published', 'cancelled'].includes(r.phase)) await h.advance(r.id, 'cancelled');
    }
    expect((await t.ok('honor.round.list', {}, admin)).currentId).toBeNull();
    const round = await h.create({ title: '当前评选' }, '2026-03-02T10:00:00+08:00');
    await h.at(AT.nominating);
    await h.advance(round.id, 'nominating');
    const list = await t.ok('honor.round.list', {}, await h.as('T0010'));
    expect(list.currentId).toBe(round.id);
    expect(list.items.find((r) => r.id === round.id)).toMatchObject({ phase: 'nominating', voted: false });
  });
});

describe('moving the deadlines before the vote opens', () => {
  it('moves both deadlines of a nominating round, and the vote follows the new one', async () => {
    const round = await h.open();
    const admin = await h.as('T0001');
    const moved = await t.ok(
      'honor.round.update',
      { roundId: round.id, nominateUntil: '2026-03-09T18:00:00+08:00', voteUntil: '2026-03-20T18:00:00+08:00' },
      admin,
    );
    expect(moved.round).toMatchObject({
      nominateUntil: '2026-03-09T10:00:00.000Z',
      voteUntil: '2026-03-20T10:00:00.000Z',
    });
    // Monday 9 March, morning: under the old deadline nominations had closed; now they are open.
    await h.at('2026-03-09T09:00:00+08:00');
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0010'))).round.stage.canNominate).toBe(
      true,
    );
    const audit = await t.ok('audit.list', {}, admin);
    expect(audit.items.some((a) => a.action === 'honor.round.update' && a.target === `honorRound:${round.id}`)).toBe(
      true,
    );
  });

  it('lets a late review move only the vote deadline', async () => {
    const round = await h.open();
    await h.at(AT.reviewing);
    await h.advance(round.id, 'reviewing');
    const admin = await h.as('T0001');
    const res = await t.call(
      'honor.round.update',
      { roundId: round.id, nominateUntil: '2026-03-20T18:00:00+08:00' },
      admin,
    );
    expect(errorOf(res).details?.rule).toBe('phase');
    const moved = await t.ok(
      'honor.round.update',
      { roundId: round.id, voteUntil: '2026-03-27T18:00:00+08:00' },
      admin,
    );
    expect(moved.round.voteUntil).toBe('2026-03-27T10:00:00.000Z');
  });

  it('refuses deadlines in the past, a vote closing before nominations, other phases and non-admins, changing nothing', async () => {
    const round = await h.open();
    const admin = await h.as('T0001');
    const before = await h.snapshot();
    const past = await t.call(
      'honor.round.update',
      { roundId: round.id, voteUntil: '2026-03-01T18:00:00+08:00' },
      admin,
    );
    expect(errorOf(past).details?.rule).toBe('deadline');
    const crossed = await t.call(
      'honor.round.update',
      { roundId: round.id, voteUntil: '2026-03-05T18:00:00+08:00' },
      admin,
    );
    expect(crossed.status).toBe(400);
    expect(errorOf(crossed).details?.fields?.[0].field).toBe('voteUntil');
    const staff = await t.call(
      'honor.round.update',
      { roundId: round.id, voteUntil: '2026-03-27T18:00:00+08:00' },
      await h.as('T0010'),
    );
    expect(staff.status).toBe(403);
    const unknown = await t.call(
      'honor.round.update',
      { roundId: 'nope', voteUntil: '2026-03-27T18:00:00+08:00' },
      admin,
    );
    expect(unknown.status).toBe(404);
    expect(await h.snapshot()).toEqual(before);

    await h.advance(round.id, 'cancelled');
    const cancelled = await t.call(
      'honor.round.update',
      { roundId: round.id, voteUntil: '2026-03-27T18:00:00+08:00' },
      admin,
    );
    expect(errorOf(cancelled).details?.rule).toBe('phase');
  });
});
