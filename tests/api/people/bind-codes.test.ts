import { BIND_CODE_ALPHABET } from '../../../src/core/people/rules';
import { errorOf, startTestServer, type TestServer } from '../support/harness';

/**
 * The admin takeover found by the attack run: the only admin unbinds themselves, and whoever knows
 * 工号 + 姓名 then binds that entry and is admin. Now an entry with a role binds only with a one-time
 * code an admin issued, nobody unbinds themselves or the last admin who can sign in, and the other
 * admins hear of every bind, unbind and role change of such entries.
 */
let t: TestServer;
let admin: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('demo-T0001');
  for (const s of (await t.ok('staff.list', { status: 'all' }, admin)).items) ids[s.staffNo] = s.id;
  const more = await t.ok('staff.list', { status: 'all', page: 2 }, admin);
  for (const s of more.items) ids[s.staffNo] = s.id;
});
afterAll(() => t.stop());

const inboxTitles = async (token: string) => (await t.ok('inbox.list', {}, token)).items.map((m) => m.title);

describe('unbinding', () => {
  it('never unbinds oneself', async () => {
    const res = await t.call('staff.unbind', { staffId: ids.T0001 }, admin);
    expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'self' } });
    expect((await t.ok('session.me', {}, admin)).staff?.staffNo).toBe('T0001');
  });

  it('two admins unbinding each other at once leave one who can still sign in', async () => {
    for (const no of ['T0004', 'T0005', 'T0006']) {
      await t.ok('staff.setRoles', { staffId: ids[no], roles: ['staff', 'admin'] }, admin);
      const other = await t.login(`demo-${no}`);
      const [a, b] = await Promise.all([
        t.call('staff.unbind', { staffId: ids[no] }, admin),
        t.call('staff.unbind', { staffId: ids.T0001 }, other),
      ]);
      const bound = (await t.server.store.collection('staff').find({ active: true }, { limit: 100 })).filter(
        (s) => s.roles.includes('admin') && s.openid !== null,
      );
      expect(bound.length).toBeGreaterThan(0);
      expect([a.status, b.status].filter((s) => s === 200).length).toBeLessThanOrEqual(1);
      // Put the demo back: T0001 bound, the other one an ordinary bound member.
      if (!bound.some((s) => s.staffNo === 'T0001')) {
        await t.server.store.collection('staff').update({ _id: ids.T0001 }, { set: { openid: 'demo-T0001' } });
      }
      await t.server.store
        .collection('staff')
        .update({ _id: ids[no] }, { set: { openid: `demo-${no}`, roles: ['staff'] } });
    }
  });
});

describe('binding an entry that holds a role', () => {
  it('needs a code: without one, the answer says whom to ask; 工号 + 姓名 alone do not make an admin', async () => {
    await t.ok('staff.setRoles', { staffId: ids.T0007, roles: ['staff', 'secretary'] }, admin);
    await t.ok('staff.unbind', { staffId: ids.T0007 }, admin);
    const thief = await t.login('thief-1');
    const res = await t.call('staff.bind', { staffNo: 'T0007', name: '黄丽' }, thief);
    expect(errorOf(res)).toMatchObject({ code: 'RULE', details: { rule: 'bindCode' } });
    expect(errorOf(res).message).toContain('李明');
    expect((await t.ok('session.me', {}, thief)).staff).toBeNull();
    const wrong = await t.call('staff.bind', { staffNo: 'T0007', name: '黄丽', code: 'ABCDEFGHJK' }, thief);
    expect(errorOf(wrong)).toMatchObject({ code: 'RULE', details: { rule: 'bindCode' } });
  });

  it('binds with the code an admin issued (as typed: any case, with dashes), once', async () => {
    const issued = await t.ok('staff.bindCode.issue', { staffId: ids.T0007 }, admin);
    expect(issued.code).toHaveLength(10);
    expect([...issued.code].every((c) => BIND_CODE_ALPHABET.includes(c))).toBe(true);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(71 * 3600 * 1000);
    // Only a hash is stored.
    expect(JSON.stringify(await t.server.store.collection('bindCodes').find({}, { limit: 100 }))).not.toContain(
      issued.code,
    );
    const listed = (await t.ok('staff.list', { q: 'T0007' }, admin)).items[0];
    expect(listed.bindCodeExpiresAt).toBe(issued.expiresAt);

    const typed = `${issued.code.slice(0, 4)}-${issued.code.slice(4)}`.toLowerCase();
    const owner = await t.login('huangli-phone');
    expect((await t.ok('staff.bind', { staffNo: 'T0007', name: '黄丽', code: typed }, owner)).staff.staffNo).toBe(
      'T0007',
    );
    // The code is spent: unbound again, the same code does not bind anyone.
    await t.ok('staff.unbind', { staffId: ids.T0007 }, admin);
    const again = await t.call(
      'staff.bind',
      { staffNo: 'T0007', name: '黄丽', code: issued.code },
      await t.login('thief-2'),
    );
    expect(errorOf(again).details?.rule).toBe('bindCode');
  });

  it('refuses a code after 72 hours', async () => {
    const issued = await t.ok('staff.bindCode.issue', { staffId: ids.T0007 }, admin);
    await t.setClock(new Date(Date.now() + 73 * 3600 * 1000).toISOString());
    const late = await t.call(
      'staff.bind',
      { staffNo: 'T0007', name: '黄丽', code: issued.code },
      await t.login('late-1'),
    );
    expect(errorOf(late).details?.rule).toBe('bindCode');
    await t.ok('dev.clock.reset', {});
  });

  it('counts wrong codes in the bind rate limit', async () => {
    const guesser = await t.login('guesser-1');
    const codes = ['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC', 'DDDDDDDDDD', 'EEEEEEEEEE'];
    for (const code of codes) await t.call('staff.bind', { staffNo: 'T0007', name: '黄丽', code }, guesser);
    const sixth = await t.call('staff.bind', { staffNo: 'T0007', name: '黄丽', code: 'FFFFFFFFFF' }, guesser);
    expect(errorOf(sixth).code).toBe('RATE_LIMITED');
  });

  it('tells the other admins when such an entry is bound, unbound or its roles change', async () => {
    await t.ok('staff.setRoles', { staffId: ids.T0008, roles: ['staff', 'admin'] }, admin);
    const second = await t.login('demo-T0008');
    const before = (await inboxTitles(second)).length;
    await t.ok('staff.setRoles', { staffId: ids.T0009, roles: ['staff', 'organizer'] }, admin);
    await t.ok('staff.unbind', { staffId: ids.T0009 }, admin);
    const { code } = await t.ok('staff.bindCode.issue', { staffId: ids.T0009 }, admin);
    await t.ok('staff.bind', { staffNo: 'T0009', name: '吴敏', code }, await t.login('wumin-new'));
    const titles = (await inboxTitles(second)).slice(0, (await inboxTitles(second)).length - before);
    expect(titles).toEqual(expect.arrayContaining(['吴敏的角色已调整', '吴敏已被解除绑定', '吴敏已绑定微信']));
    // The admin who acted is not told what they did themselves.
    expect(await inboxTitles(admin)).not.toContain('吴敏已被解除绑定');
  });
});

describe('the unit setting', () => {
  it('makes every entry bind with a code, and a printed sheet per department gives them', async () => {
    const member = await t.login('newcomer-31');
    await t.ok('settings.update', { bindCodeRequired: true }, admin);
    const res = await t.call('staff.bind', { staffNo: 'T0031', name: '萧然' }, member);
    expect(errorOf(res).details?.rule).toBe('bindCode');
    const sheet = await t.ok('staff.bindCode.sheet', { department: '国库科' }, admin);
    expect(sheet.items.every((i) => i.department === '国库科')).toBe(true);
    const row = sheet.items.find((i) => i.staffNo === 'T0031');
    expect(row).toBeDefined();
    expect((await t.ok('staff.bind', { staffNo: 'T0031', name: '萧然', code: row?.code }, member)).staff.staffNo).toBe(
      'T0031',
    );
    const staff = await t.login('demo-T0010');
    expect(errorOf(await t.call('staff.bindCode.sheet', {}, staff)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.call('staff.bindCode.issue', { staffId: ids.T0032 }, staff)).code).toBe('FORBIDDEN');
    await t.ok('settings.update', { bindCodeRequired: false }, admin);
  });
});
