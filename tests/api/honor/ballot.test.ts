import { newId } from '../../../server/kernel/ids';
import type { StaffDoc } from '../../../server/kernel/member';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { AT, HonorDriver } from './support';

let t: TestServer;
let h: HonorDriver;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
});
afterAll(() => t.stop());

const tallies = async (roundId: string) => {
  // A candidate's votes are the sum of its shards.
  const docs = await t.server.store.collection('honorTallies').find({ roundId }, { limit: 1000 });
  const sums: Record<string, number> = {};
  for (const d of docs) sums[d.nominationId] = (sums[d.nominationId] ?? 0) + d.votes;
  return sums;
};

describe('casting a ballot', () => {
  it('records that I voted, counts my choices, and shows no counts until voting closes', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006', 'T0007']);
    const me = await h.as('T0010');
    const res = await t.ok('honor.vote', { roundId: round.id, nominationIds: [ids.T0005, ids.T0007] }, me);
    expect(res).toEqual({ round: expect.objectContaining({ voted: true, ballotCount: 1 }), chosen: 2 });
    expect(await tallies(round.id)).toEqual({ [ids.T0005]: 1, [ids.T0006]: 0, [ids.T0007]: 1 });
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0011'))).round).toMatchObject({
      voted: false,
      ballotCount: 1,
    });

    const listed = JSON.stringify(await t.ok('honor.nominations', { roundId: round.id }, await h.as('T0001')));
    expect(listed).not.toMatch(/"votes"|"tally"/);
    for (const who of ['T0001', 'T0010']) {
      const hidden = await t.call('honor.results', { roundId: round.id }, await h.as(who));
      expect(hidden.status).toBe(422);
      expect(errorOf(hidden).details?.rule).toBe('tallyHidden');
    }
    await h.at(AT.voteUntil);
    const results = await t.ok('honor.results', { roundId: round.id }, await h.as('T0001'));
    expect(results.ballots).toBe(1);
    expect(results.items.map((r) => [r.nomination.id, r.votes])).toEqual([
      [ids.T0005, 1],
      [ids.T0007, 1],
      [ids.T0006, 0],
    ]);
    expect(errorOf(await t.call('honor.results', { roundId: round.id }, me)).details?.rule).toBe('tallyHidden');
  });

  it('answers every bad ballot with its coded error and changes nothing', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006', 'T0007', 'T0008', 'T0010'], ['T0009']);
    const other = await h.open();
    const me = await h.as('T0010');
    await h.at(AT.voting);
    const before = await h.snapshot();
    const cases: [string[], string, number, string][] = [
      [[], round.id, 400, 'nominationIds'],
      [[ids.T0005, ids.T0005], round.id, 400, 'nominationIds'],
      [Array.from({ length: 11 }, (_, i) => `n${i}`), round.id, 400, 'nominationIds'],
      [[ids.T0005, ids.T0006, ids.T0007, ids.T0008], round.id, 422, 'ballotSize'],
      [[ids.T0005, ids.T0009], round.id, 422, 'notCandidate'],
      [[ids.T0005, 'no-such-nomination'], round.id, 422, 'notCandidate'],
      [[ids.T0005, ids.T0010], round.id, 422, 'selfVote'],
      [[ids.T0005], other.id, 422, 'phase'],
      [[ids.T0005], 'no-such-round', 404, ''],
    ];
    for (const [nominationIds, roundId, status, what] of cases) {
      const res = await t.post('honor.vote', { roundId, nominationIds }, me);
      expect([what, res.status]).toEqual([what, status]);
      if (status === 400) expect(errorOf(res).details?.fields?.[0]?.field).toBe(what);
      if (status === 422) expect(errorOf(res).details?.rule).toBe(what);
    }
    expect(await h.snapshot()).toBe(before);
    expect((await t.ok('honor.round.get', { roundId: round.id }, me)).round.voted).toBe(false);
  });

  it('closes at voteUntil in the unit’s time zone, to the millisecond', async () => {
    const { round, ids } = await h.voting(['T0005']);
    await h.at('2026-03-13T17:59:59.999+08:00');
    const open = (await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0011'))).round.stage;
    expect(open).toMatchObject({ canVote: true, votingClosed: false });
    expect(
      (await t.call('honor.vote', { roundId: round.id, nominationIds: [ids.T0005] }, await h.as('T0011'))).status,
    ).toBe(200);
    await h.at('2026-03-13T10:00:00.000Z');
    const late = await t.call('honor.vote', { roundId: round.id, nominationIds: [ids.T0005] }, await h.as('T0012'));
    expect(errorOf(late).details?.rule).toBe('voteClosed');
    // The round says so by the server's clock, whatever the phone's clock says.
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0012'))).round.stage).toMatchObject({
      canVote: false,
      votingClosed: true,
      hint: '投票已截止，等待确定入选名单',
    });
    expect(await tallies(round.id)).toEqual({ [ids.T0005]: 1 });
  });

  it('is final: a second ballot is refused and changes nothing', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006']);
    const me = await h.as('T0012');
    await t.ok('honor.vote', { roundId: round.id, nominationIds: [ids.T0005] }, me);
    const before = await h.snapshot();
    const again = await t.call('honor.vote', { roundId: round.id, nominationIds: [ids.T0006] }, me);
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('CONFLICT');
    expect(await h.snapshot()).toBe(before);
  });

  it('takes one ballot of 50 sent at once by one voter', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006', 'T0007']);
    const me = await h.as('T0013');
    const choices = [ids.T0005, ids.T0006];
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.call('honor.vote', { roundId: round.id, nominationIds: choices }, me)),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    expect(await t.server.store.collection('honorVoters').count({ roundId: round.id })).toBe(1);
    expect(await tallies(round.id)).toEqual({ [ids.T0005]: 1, [ids.T0006]: 1, [ids.T0007]: 0 });
  });

  it('counts 200 voters voting at once exactly: each tally is the sum of the ballots choosing it', async () => {
    const { round, ids } = await h.voting(['T0005', 'T0006', 'T0007', 'T0008', 'T0009']);
    const candidates = Object.values(ids);
    const at = new Date().toISOString();
    const voters: StaffDoc[] = Array.from({ length: 200 }, (_, i) => ({
      _id: newId(),
      staffNo: `V${String(i).padStart(4, '0')}`,
      name: `投票人${i}`,
      department: '综合科',
      roles: ['staff'],
      active: true,
      openid: `voter-${i}`,
      boundAt: at,
      createdAt: at,
      updatedAt: at,
    }));
    for (const v of voters) await t.server.store.collection('staff').insert(v);
    const tokens = await Promise.all(voters.map((v) => t.login(v.openid!)));
    // Each voter's choices: 1..3 distinct candidates, varied but reproducible.
    const ballots = voters.map((_, i) => {
      const size = (i % 3) + 1;
      return Array.from({ length: size }, (_, k) => candidates[(i * 7 + k * 2) % candidates.length]);
    });
    const results = await Promise.all(
      ballots.map((nominationIds, i) => t.call('honor.vote', { roundId: round.id, nominationIds }, tokens[i])),
    );
    expect(results.map((r) => r.status)).toEqual(voters.map(() => 200));
    const expected = Object.fromEntries(candidates.map((c) => [c, ballots.filter((b) => b.includes(c)).length]));
    expect(await tallies(round.id)).toEqual(expected);
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(ballots.flat().length);

    await h.at(AT.voteUntil);
    const res = await t.ok('honor.results', { roundId: round.id }, await h.as('T0001'));
    expect(res.ballots).toBe(200);
    expect(res.eligible).toBeGreaterThanOrEqual(200);
    expect(Object.fromEntries(res.items.map((r) => [r.nomination.id, r.votes]))).toEqual(expected);
    for (const v of voters) await t.server.store.collection('staff').update({ _id: v._id }, { set: { active: false } });
  });

  it('refuses a deactivated member', async () => {
    const { round, ids } = await h.voting(['T0005']);
    const token = await h.as('T0029');
    await t.ok('staff.deactivate', { staffId: await h.staffId('T0029') }, await h.as('T0001'));
    expect(errorOf(await t.call('honor.vote', { roundId: round.id, nominationIds: [ids.T0005] }, token)).code).toBe(
      'FORBIDDEN',
    );
    expect(await tallies(round.id)).toEqual({ [ids.T0005]: 0 });
  });
});
