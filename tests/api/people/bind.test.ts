import { errorOf, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

describe('session.me', () => {
  it('works unbound: staff is null, no roles, settings with the defaults', async () => {
    const token = await t.login('newcomer-1');
    const me = await t.ok('session.me', {}, token);
    expect(me.staff).toBeNull();
    expect(me.roles).toEqual([]);
    expect(me.settings.timeZone).toBe('Asia/Shanghai');
    expect(me.settings.readingWindowStart).toBe('06:00');
  });

  it("tells the server's clock, which the dev clock moves", async () => {
    await t.setClock('2026-03-02T07:30:00+08:00', true);
    const me = await t.ok('session.me', {}, await t.login('demo-T0002'));
    expect(me.now).toBe('2026-03-01T23:30:00.000Z');
    await t.ok('dev.clock.reset', {});
  });

  it('shows a seeded demo member with their roles', async () => {
    const me = await t.ok('session.me', {}, await t.login('demo-T0001'));
    expect(me.staff).toMatchObject({ staffNo: 'T0001', name: '李明', department: '办公室', active: true });
    expect(me.roles).toEqual(['staff', 'admin']);
  });

  it('refuses a caller without a token', async () => {
    const res = await t.call('session.me', {}, null);
    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a forged or tampered token', async () => {
    const token = await t.login('demo-T0001');
    const [payload, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ o: 'demo-T0002', e: 9e15 })).toString('base64url')}.${sig}`;
    expect((await t.call('session.me', {}, forged)).status).toBe(401);
    // The first character replaced by a different one: a fixed 'x' left the token valid once in 64 logins.
    const flipped = `${sig.startsWith('x') ? 'y' : 'x'}${sig.slice(1)}`;
    expect((await t.call('session.me', {}, `${payload}.${flipped}`)).status).toBe(401);
    expect((await t.call('session.me', {}, 'garbage')).status).toBe(401);
  });
});

describe('staff.bind', () => {
  it('binds an unbound roster member by staff number and name, then is harmless to repeat', async () => {
    const token = await t.login('phone-T0031');
    const first = await t.ok('staff.bind', { staffNo: 'T0031', name: '萧然' }, token);
    expect(first.staff).toMatchObject({ staffNo: 'T0031', name: '萧然' });
    expect(first.already).toBeUndefined();

    const again = await t.ok('staff.bind', { staffNo: 't0031', name: ' 萧 然 ' }, token);
    expect(again.already).toBe(true);
    expect(again.staff.id).toBe(first.staff.id);

    const me = await t.ok('session.me', {}, token);
    expect(me.staff?.staffNo).toBe('T0031');
    expect(me.roles).toEqual(['staff']);
  });

  it('refuses a wrong pair with NOT_FOUND and binds nothing', async () => {
    const token = await t.login('phone-wrong-1');
    const res = await t.call('staff.bind', { staffNo: 'T0032', name: '不是我' }, token);
    expect(res.status).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', details: { remaining: 4 } });
    expect(errorOf(res).message).toMatch(/工号与姓名不匹配/);
    expect((await t.ok('session.me', {}, token)).staff).toBeNull();
    // The member is still free for its rightful owner.
    const owner = await t.login('phone-T0032');
    expect((await t.ok('staff.bind', { staffNo: 'T0032', name: '田甜' }, owner)).staff.staffNo).toBe('T0032');
  });

  it('refuses a member already bound to another openid with CONFLICT', async () => {
    const res = await t.call('staff.bind', { staffNo: 'T0005', name: '陈静' }, await t.login('intruder-1'));
    expect(res.status).toBe(409);
    expect(errorOf(res).code).toBe('CONFLICT');
    const owner = await t.ok('session.me', {}, await t.login('demo-T0005'));
    expect(owner.staff?.staffNo).toBe('T0005');
  });

  it('refuses a second member for an openid that is already bound', async () => {
    const res = await t.call('staff.bind', { staffNo: 'T0033', name: '董帅' }, await t.login('demo-T0004'));
    expect(res.status).toBe(409);
    expect(errorOf(res).message).toMatch(/T0004/);
    const admin = await t.login('demo-T0001');
    const list = await t.ok('staff.list', { q: 'T0033' }, admin);
    expect(list.items[0].bound).toBe(false);
  });

  it('lets exactly one of two phones racing for one member win', async () => {
    const tokens = await Promise.all(['race-a', 'race-b', 'race-c', 'race-d'].map((o) => t.login(o)));
    const results = await Promise.all(tokens.map((tk) => t.call('staff.bind', { staffNo: 'T0034', name: '袁媛' }, tk)));
    expect(results.filter((r) => r.body.ok)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
  });

  it('rate-limits wrong pairs per openid: 5 failures an hour, then even a right pair waits', async () => {
    await t.setClock('2026-03-02T09:00:00+08:00');
    const token = await t.login('guesser-1');
    for (let i = 0; i < 5; i++) {
      expect((await t.call('staff.bind', { staffNo: 'T0036', name: `猜${i}` }, token)).status).toBe(404);
    }
    const limited = await t.call('staff.bind', { staffNo: 'T0036', name: '于洁' }, token);
    expect(limited.status).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    // Another openid is not affected.
    const other = await t.login('guesser-2');
    expect((await t.call('staff.bind', { staffNo: 'T0036', name: '错' }, other)).status).toBe(404);
    // An hour after the first failure the window has passed.
    await t.setClock('2026-03-02T10:00:30+08:00');
    expect((await t.ok('staff.bind', { staffNo: 'T0036', name: '于洁' }, token)).staff.staffNo).toBe('T0036');
    await t.ok('dev.clock.reset', {});
  });

  it('holds the limit when the wrong guesses arrive all at once', async () => {
    const token = await t.login('burst-guesser');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.call('staff.bind', { staffNo: 'T0039', name: `猜${i}` }, token)),
    );
    expect(results.filter((r) => r.status === 404).length).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(15);
    const failures = await t.server.store.collection('bindFailures').count({ openid: 'burst-guesser' });
    expect(failures).toBeLessThanOrEqual(5);
  });

  it('refuses to bind a deactivated member with RULE staffInactive', async () => {
    const admin = await t.login('demo-T0001');
    const [target] = (await t.ok('staff.list', { q: 'T0037' }, admin)).items;
    await t.ok('staff.deactivate', { staffId: target.id }, admin);
    const res = await t.call('staff.bind', { staffNo: 'T0037', name: '蒋睿' }, await t.login('phone-T0037'));
    expect(res.status).toBe(422);
    expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'staffInactive' } });
    const after = (await t.ok('staff.list', { q: 'T0037', status: 'all' }, admin)).items[0];
    expect(after.bound).toBe(false);
  });

  it('answers bad input with INVALID_INPUT listing the fields, and binds nothing', async () => {
    const token = await t.login('bad-input-1');
    for (const input of [
      {},
      { staffNo: 'T0038' },
      { staffNo: 123, name: '余航' },
      { staffNo: 'T0038', name: 'x'.repeat(33) },
      { staffNo: "T0038' OR 1=1", name: '余航' },
      { staffNo: 'T0038', name: '余航', extra: true },
      { staffNo: 'T'.repeat(100000), name: '余航' },
    ]) {
      const res = await t.post('staff.bind', input, token);
      expect(res.status).toBe(400);
      const error = errorOf(res);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details?.fields?.length).toBeGreaterThan(0);
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await t.ok('session.me', {}, token)).staff).toBeNull();
  });
});
