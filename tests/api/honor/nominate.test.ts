import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { AT, DEEDS, HonorDriver } from './support';

let t: TestServer;
let h: HonorDriver;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
});
afterAll(() => t.stop());

const listFor = async (roundId: string, staffNo: string) =>
  (await t.ok('honor.nominations', { roundId }, await h.as(staffNo))).items;

describe('nominating', () => {
  it('stores a pending nomination that the nominator, the nominee and the open list each see as they should', async () => {
    const round = await h.open();
    const n = await h.nominate(round.id, 'T0004', 'T0005', { photos: ['upload:0123456789abcdef01234567.jpg'] });
    expect(n).toMatchObject({
      kind: 'peer',
      category: '职业道德',
      status: 'pending',
      seconders: 0,
      relation: ['nominator'],
    });
    expect(n.nominee).toEqual({ id: await h.staffId('T0005'), name: '陈静', department: '办公室' });

    const [asNominee] = await listFor(round.id, 'T0005');
    expect(asNominee).toMatchObject({ status: 'pending', relation: ['nominee'] });
    expect(asNominee.nominator).toBeUndefined();
    const [asColleague] = await listFor(round.id, 'T0010');
    expect(asColleague).toMatchObject({ id: n.id, deeds: DEEDS, relation: [] });
    expect(asColleague.status).toBeUndefined();
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0010'))).round.nominationCount).toBe(1);
  });

  it('turns a second nomination of the same person into a 附议, once per colleague', async () => {
    const round = await h.open();
    const first = await h.nominate(round.id, 'T0004', 'T0006');
    const again = await t.ok(
      'honor.nominate',
      { roundId: round.id, nomineeStaffId: await h.staffId('T0006'), kind: 'peer', category: '社会公德', deeds: DEEDS },
      await h.as('T0008'),
    );
    expect(again).toMatchObject({
      seconded: true,
      nomination: { id: first.id, seconders: 1, relation: ['seconder'], category: '职业道德' },
    });
    expect((await t.ok('honor.second', { nominationId: first.id }, await h.as('T0008'))).already).toBe(true);
    expect(
      await t.ok(
        'honor.nominate',
        {
          roundId: round.id,
          nomineeStaffId: await h.staffId('T0006'),
          kind: 'peer',
          category: '职业道德',
          deeds: DEEDS,
        },
        await h.as('T0004'),
      ),
    ).toMatchObject({ seconded: false, already: true });

    expect((await t.ok('honor.second', { nominationId: first.id }, await h.as('T0009'))).nomination.seconders).toBe(2);
    expect(errorOf(await t.call('honor.second', { nominationId: first.id }, await h.as('T0004'))).details?.rule).toBe(
      'ownNomination',
    );
    expect(errorOf(await t.call('honor.second', { nominationId: first.id }, await h.as('T0006'))).details?.rule).toBe(
      'self',
    );
    const self = await t.call(
      'honor.nominate',
      { roundId: round.id, nomineeStaffId: await h.staffId('T0006'), kind: 'self', category: '职业道德', deeds: DEEDS },
      await h.as('T0006'),
    );
    expect(errorOf(self).code).toBe('CONFLICT');

    const [doc] = await t.server.store.collection('honorNominations').find({ roundId: round.id }, { limit: 10 });
    expect(doc.seconderCount).toBe(2);
    expect(await t.server.store.collection('honorNominations').count({ roundId: round.id })).toBe(1);
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0004'))).round.nominationCount).toBe(1);
  });

  it('keeps one nomination per person when many colleagues nominate at once', async () => {
    const round = await h.open();
    const nominee = await h.staffId('T0020');
    const nominators = Array.from({ length: 12 }, (_, i) => `T00${String(i + 4).padStart(2, '0')}`);
    const tokens = await Promise.all(nominators.map((no) => h.as(no)));
    const results = await Promise.all(
      tokens.map((token) =>
        t.call(
          'honor.nominate',
          { roundId: round.id, nomineeStaffId: nominee, kind: 'peer', category: '个人品德', deeds: DEEDS },
          token,
        ),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.ok && !r.body.data.seconded)).toHaveLength(1);
    const docs = await t.server.store.collection('honorNominations').find({ roundId: round.id }, { limit: 10 });
    expect(docs).toHaveLength(1);
    expect(docs[0].seconderCount).toBe(11);
    expect(await t.server.store.collection('honorSeconds').count({ nominationId: docs[0]._id })).toBe(11);
  });

  it('checks the kind: self is oneself, organisation is for secretaries and admins', async () => {
    const round = await h.open();
    const input = async (kind: 'self' | 'org' | 'peer', nominee: string) => ({
      roundId: round.id,
      nomineeStaffId: await h.staffId(nominee),
      kind,
      category: '个人品德',
      deeds: DEEDS,
    });
    expect(
      errorOf(await t.call('honor.nominate', await input('self', 'T0011'), await h.as('T0010'))).details?.rule,
    ).toBe('kind');
    expect(
      errorOf(await t.call('honor.nominate', await input('peer', 'T0010'), await h.as('T0010'))).details?.rule,
    ).toBe('kind');
    expect(errorOf(await t.call('honor.nominate', await input('org', 'T0011'), await h.as('T0010'))).code).toBe(
      'FORBIDDEN',
    );
    const org = await t.ok('honor.nominate', await input('org', 'T0011'), await h.as('T0002'));
    expect(org.nomination).toMatchObject({ kind: 'org', nominator: { name: '王芳' } });
    const [seen] = await listFor(round.id, 'T0012');
    expect(seen.nominator?.name).toBe('王芳');
    const self = await t.ok('honor.nominate', await input('self', 'T0010'), await h.as('T0010'));
    expect(self.nomination.relation).toEqual(['nominator', 'nominee']);
  });

  it('answers every bad nomination with its coded error and changes nothing', async () => {
    const round = await h.open();
    const deactivated = await h.staffId('T0030');
    await t.ok('staff.deactivate', { staffId: deactivated }, await h.as('T0001'));
    const token = await h.as('T0010');
    const good = {
      roundId: round.id,
      nomineeStaffId: await h.staffId('T0011'),
      kind: 'peer',
      category: '个人品德',
      deeds: DEEDS,
    };
    const before = await h.snapshot();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...good, deeds: '太短了'.repeat(9) + '短' + '。' }, 400, 'deeds'],
      [{ ...good, deeds: '好'.repeat(2001) }, 400, 'deeds'],
      [{ ...good, category: '见义勇为' }, 400, 'category'],
      [{ ...good, kind: 'boss' }, 400, 'kind'],
      [
        {
          ...good,
          photos: [
            'upload:0123456789abcdef01234567.jpg',
            'upload:0123456789abcdef01234568.jpg',
            'upload:0123456789abcdef01234569.jpg',
            'upload:0123456789abcdef0123456a.jpg',
          ],
        },
        400,
        'photos',
      ],
      [{ ...good, photos: ['https://example.com/a.jpg'] }, 400, 'photos.0'],
      [{ ...good, photos: ['upload:../../etc/passwd'] }, 400, 'photos.0'],
      [{ ...good, nomineeStaffId: deactivated }, 422, 'nomineeInactive'],
      [{ ...good, nomineeStaffId: 'nobody' }, 404, ''],
      [{ ...good, roundId: 'nothing' }, 404, ''],
      [{ ...good, deeds: `${DEEDS}另外他还参与赌博活动。` }, 422, 'content'],
    ];
    for (const [input, status, what] of cases) {
      const res = await t.post('honor.nominate', input, token);
      expect([what, res.status]).toEqual([what, status]);
      const error = errorOf(res);
      if (status === 400) expect(error.details?.fields?.[0]?.field).toBe(what);
      if (status === 422) expect(error.details?.rule).toBe(what);
    }
    expect(errorOf(await t.post('honor.nominate', { ...good, deeds: '好'.repeat(29) }, token)).message).toMatch(
      /至少 30 个字/,
    );
    expect(await h.snapshot()).toBe(before);
    await t.ok('staff.activate', { staffId: deactivated }, await h.as('T0001'));
  });

  it('refuses nominations outside the nominating phase and after the deadline', async () => {
    const round = await h.open();
    const input = {
      roundId: round.id,
      nomineeStaffId: await h.staffId('T0011'),
      kind: 'peer' as const,
      category: '个人品德',
      deeds: DEEDS,
    };
    await h.at(AT.nominateUntil);
    expect(errorOf(await t.call('honor.nominate', input, await h.as('T0010'))).details?.rule).toBe('deadline');
    await h.advance(round.id, 'reviewing');
    expect(errorOf(await t.call('honor.nominate', input, await h.as('T0010'))).details?.rule).toBe('phase');
    expect(await t.server.store.collection('honorNominations').count({ roundId: round.id })).toBe(0);
  });
});

describe('reviewing', () => {
  it('approves or rejects in the reviewing phase, tells the nominator, and shows the comment to the nominator only', async () => {
    const round = await h.open();
    const a = await h.nominate(round.id, 'T0013', 'T0014');
    const b = await h.nominate(round.id, 'T0013', 'T0015');
    expect(
      errorOf(await t.call('honor.review', { nominationId: a.id, decision: 'approve' }, await h.as('T0001'))).details
        ?.rule,
    ).toBe('phase');
    await h.at(AT.reviewing);
    await h.advance(round.id, 'reviewing');
    expect(
      errorOf(await t.call('honor.review', { nominationId: a.id, decision: 'reject' }, await h.as('T0001'))).details
        ?.fields?.[0]?.field,
    ).toBe('comment');
    expect(
      errorOf(await t.call('honor.review', { nominationId: a.id, decision: 'approve' }, await h.as('T0002'))).code,
    ).toBe('FORBIDDEN');

    await h.review(a.id, 'approve');
    await h.review(b.id, 'reject', '事迹不够具体，请补充');
    expect(
      await t.ok(
        'honor.review',
        { nominationId: b.id, decision: 'reject', comment: '事迹不够具体，请补充' },
        await h.as('T0001'),
      ),
    ).toMatchObject({ already: true });
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0001'))).round.candidateCount).toBe(1);

    const nominatorView = await listFor(round.id, 'T0013');
    expect(nominatorView.find((n) => n.id === b.id)).toMatchObject({
      status: 'rejected',
      reviewComment: '事迹不够具体，请补充',
    });
    const [nomineeView] = await listFor(round.id, 'T0015');
    expect(nomineeView).toMatchObject({ status: 'rejected' });
    expect(nomineeView.reviewComment).toBeUndefined();
    expect(await listFor(round.id, 'T0016')).toEqual([]);

    const inbox = (await t.ok('inbox.list', {}, await h.as('T0013'))).items.filter((m) => m.kind === 'honor.reviewed');
    expect(inbox.map((m) => m.body).join('\n')).toMatch(/陈静|郭鹏/);
    expect(inbox.some((m) => m.body.includes('审核意见：事迹不够具体，请补充'))).toBe(true);
    expect((await t.ok('inbox.list', {}, await h.as('T0014'))).items.some((m) => m.kind === 'honor.candidate')).toBe(
      true,
    );
    expect((await t.ok('inbox.list', {}, await h.as('T0015'))).items.some((m) => m.kind.startsWith('honor.'))).toBe(
      false,
    );

    await h.review(b.id, 'approve');
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0001'))).round.candidateCount).toBe(2);
    await h.review(a.id, 'reject', '经核实不符合条件');
    expect((await t.ok('honor.round.get', { roundId: round.id }, await h.as('T0001'))).round.candidateCount).toBe(1);
  });

  it('shows everyone the approved candidates once voting opens, never the rejected ones', async () => {
    const { round, ids } = await h.voting(['T0017', 'T0018'], ['T0019']);
    const seen = await listFor(round.id, 'T0025');
    expect(seen.map((n) => n.id).sort()).toEqual([ids.T0017, ids.T0018].sort());
    expect(seen.every((n) => n.status === 'approved')).toBe(true);
    expect((await listFor(round.id, 'T0019')).map((n) => n.id)).toContain(ids.T0019);
    expect((await listFor(round.id, 'T0001')).map((n) => n.id)).toContain(ids.T0019);
  });
});
