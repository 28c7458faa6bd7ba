import { errorOf, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('demo-T0001');
});
afterAll(() => t.stop());

async function find(staffNo: string) {
  const [item] = (await t.ok('staff.list', { q: staffNo, status: 'all' }, admin)).items;
  return item;
}

describe('roles', () => {
  it.each([
    ['staff', 'demo-T0010'],
    ['secretary', 'demo-T0002'],
    ['organizer', 'demo-T0003'],
  ])('a %s may not use admin actions (FORBIDDEN) and changes nothing', async (_role, openid) => {
    const token = await t.login(openid);
    const target = await find('T0012');
    for (const [action, input] of [
      ['staff.list', {}],
      ['staff.setRoles', { staffId: target.id, roles: ['admin'] }],
      ['staff.unbind', { staffId: target.id }],
      ['staff.deactivate', { staffId: target.id }],
      ['staff.import', { rows: [{ staffNo: 'X1', name: '某', department: '办公室' }] }],
      ['settings.get', {}],
      ['settings.update', { minReadingSeconds: 1 }],
      ['calendar.set', { date: '2026-10-01', workday: true }],
      ['audit.list', {}],
    ] as const) {
      const res = await t.post(action, input, token);
      expect([action, res.status]).toEqual([action, 403]);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    expect(await find('T0012')).toEqual(target);
    expect((await t.ok('settings.get', {}, admin)).minReadingSeconds).toBe(60);
  });

  it('an unbound caller may not use member actions (UNAUTHENTICATED)', async () => {
    const res = await t.call('staff.search', { q: '李' }, await t.login('stranger'));
    expect(res.status).toBe(401);
  });

  it('setRoles gives and takes roles; staff is always kept', async () => {
    const target = await find('T0011');
    const res = await t.ok('staff.setRoles', { staffId: target.id, roles: ['organizer', 'secretary'] }, admin);
    expect(res.staff.roles).toEqual(['staff', 'secretary', 'organizer']);
    const me = await t.ok('session.me', {}, await t.login('demo-T0011'));
    expect(me.roles).toEqual(['staff', 'secretary', 'organizer']);
    await t.ok('staff.setRoles', { staffId: target.id, roles: [] }, admin);
    expect((await find('T0011')).roles).toEqual(['staff']);
  });

  it('refuses to remove the last active admin (RULE lastAdmin)', async () => {
    const self = await find('T0001');
    const res = await t.call('staff.setRoles', { staffId: self.id, roles: ['staff'] }, admin);
    expect(res.status).toBe(422);
    expect(errorOf(res).details?.rule).toBe('lastAdmin');
    expect((await find('T0001')).roles).toContain('admin');
  });

  it('two admins demoting each other at the same moment leave at least one admin', async () => {
    const first = await find('T0001');
    const second = await find('T0013');
    const secondToken = await t.login('demo-T0013');
    for (let round = 0; round < 5; round++) {
      await t.ok('staff.setRoles', { staffId: second.id, roles: ['admin'] }, admin);
      const [a, b] = await Promise.all([
        t.call('staff.setRoles', { staffId: second.id, roles: [] }, admin),
        t.call('staff.setRoles', { staffId: first.id, roles: [] }, secondToken),
      ]);
      const admins = [await find('T0001'), await find('T0013')].filter((s) => s.active && s.roles.includes('admin'));
      expect(admins.length).toBeGreaterThanOrEqual(1);
      // Each demotion that stands answered 200; each one put back answered RULE lastAdmin.
      expect([a.status, b.status].filter((st) => st === 200).length).toBe(2 - admins.length);
      expect([a, b].filter((r) => !r.body.ok).every((r) => errorOf(r).details?.rule === 'lastAdmin')).toBe(true);
      if (!(await find('T0001')).roles.includes('admin')) {
        await t.ok('staff.setRoles', { staffId: first.id, roles: ['admin'] }, secondToken);
      }
    }
    await t.ok('staff.setRoles', { staffId: second.id, roles: [] }, admin);
  });

  it('setRoles on an unknown member is NOT_FOUND', async () => {
    const res = await t.call('staff.setRoles', { staffId: 'nope', roles: [] }, admin);
    expect(res.status).toBe(404);
  });
});

describe('unbind and deactivate', () => {
  it('unbind frees the member for a new phone; the old phone becomes unbound', async () => {
    const target = await find('T0020');
    expect(target.bound).toBe(true);
    expect((await t.ok('staff.unbind', { staffId: target.id }, admin)).staff.bound).toBe(false);
    expect((await t.ok('staff.unbind', { staffId: target.id }, admin)).already).toBe(true);
    expect((await t.ok('session.me', {}, await t.login('demo-T0020'))).staff).toBeNull();
    const bound = await t.ok('staff.bind', { staffNo: 'T0020', name: '郑霞' }, await t.login('new-phone-T0020'));
    expect(bound.staff.staffNo).toBe('T0020');
  });

  it('a deactivated member can call nothing but session.me', async () => {
    const target = await find('T0021');
    const member = await t.login('demo-T0021');
    expect((await t.call('staff.search', { q: '李' }, member)).status).toBe(200);
    const res = await t.ok('staff.deactivate', { staffId: target.id }, admin);
    expect(res.staff.active).toBe(false);
    const me = await t.ok('session.me', {}, member);
    expect(me.staff).toMatchObject({ staffNo: 'T0021', active: false });
    expect(me.roles).toEqual([]);
    const refused = await t.call('staff.search', { q: '李' }, member);
    expect(refused.status).toBe(403);
    expect(errorOf(refused).message).toMatch(/停用/);
    // Deactivated members leave pickers, then come back when activated again.
    const search = await t.ok('staff.search', { q: '梁宇' }, admin);
    expect(search.items).toEqual([]);
    await t.ok('staff.activate', { staffId: target.id }, admin);
    expect((await t.call('staff.search', { q: '李' }, member)).status).toBe(200);
  });

  it('an admin cannot deactivate themselves (RULE self)', async () => {
    const self = await find('T0001');
    const res = await t.call('staff.deactivate', { staffId: self.id }, admin);
    expect(errorOf(res).details?.rule).toBe('self');
    expect((await find('T0001')).active).toBe(true);
  });
});

describe('staff.list and staff.search', () => {
  it('lists the roster in staff-number order, 20 a page, with departments', async () => {
    const page1 = await t.ok('staff.list', { status: 'all' }, admin);
    expect(page1.total).toBe(40);
    expect(page1.pageSize).toBe(20);
    expect(page1.items.map((s) => s.staffNo).slice(0, 3)).toEqual(['T0001', 'T0002', 'T0003']);
    expect(page1.departments.sort()).toEqual(['办公室', '国库科', '综合科', '预算科'].sort());
    const page2 = await t.ok('staff.list', { status: 'all', page: 2 }, admin);
    expect(page2.items[0].staffNo).toBe('T0021');
    const dept = await t.ok('staff.list', { department: '预算科', status: 'all' }, admin);
    expect(dept.items.every((s) => s.department === '预算科')).toBe(true);
    expect(dept.total).toBe(10);
  });

  it('search finds by name or staff number and shows only id, name and department', async () => {
    const member = await t.login('demo-T0009');
    const byName = await t.ok('staff.search', { q: '王芳' }, member);
    expect(byName.items).toEqual([{ id: expect.any(String), name: '王芳', department: '预算科' }]);
    const byNo = await t.ok('staff.search', { q: 't000' }, member);
    expect(byNo.items.length).toBe(9);
  });
});

describe('staff.import', () => {
  it('imports the good rows and reports each bad row with its line and reason', async () => {
    const before = (await t.ok('staff.list', { status: 'all' }, admin)).total;
    const res = await t.ok(
      'staff.import',
      {
        rows: [
          { staffNo: 'N0001', name: '新人甲', department: '办公室', phone: '138 0000 0000' },
          { staffNo: 'N0002', name: '', department: '办公室' },
          { staffNo: 'N0003', name: '新人丙', department: '预算科', roles: ['organizer'] },
          { staffNo: 'N0001', name: '重复', department: '办公室' },
          'not a row',
          { staffNo: 'bad no!', name: '某', department: '办公室' },
          { staffNo: 'T0040', name: '杜鹃', department: '综合科', branch: '第四党支部' },
          { staffNo: 'N0004', name: '某', department: '办公室', salary: 1 },
        ],
      },
      admin,
    );
    expect(res.results.map((r) => [r.line, r.status])).toEqual([
      [1, 'created'],
      [2, 'error'],
      [3, 'created'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'updated'],
      [8, 'error'],
    ]);
    expect(res.results[1].message).toMatch(/姓名/);
    expect(res.results[3].message).toMatch(/第 1 行/);
    expect(res.results[7].message).toMatch(/salary/);
    expect(res).toMatchObject({ created: 2, updated: 1, failed: 5 });
    expect((await t.ok('staff.list', { status: 'all' }, admin)).total).toBe(before + 2);
    expect((await find('N0003')).roles).toEqual(['staff', 'organizer']);
    expect((await find('T0040')).department).toBe('综合科');
  });

  it('refuses an empty or oversized import as a whole', async () => {
    expect((await t.post('staff.import', { rows: [] }, admin)).status).toBe(400);
    const rows = Array.from({ length: 2001 }, (_, i) => ({ staffNo: `Z${i}`, name: '某', department: '办公室' }));
    expect((await t.post('staff.import', { rows }, admin)).status).toBe(400);
    expect((await t.ok('staff.list', { q: 'Z1' }, admin)).total).toBe(0);
  });
});

describe('audit', () => {
  it('records privileged writes with who, what and when, newest first', async () => {
    const target = await find('T0015');
    await t.ok('staff.setRoles', { staffId: target.id, roles: ['organizer'] }, admin);
    const log = await t.ok('audit.list', {}, admin);
    expect(log.items[0]).toMatchObject({ actorName: '李明', action: 'staff.setRoles', target: 'staff:T0015' });
    expect(Date.parse(log.items[0].at)).not.toBeNaN();
  });

  it('records no audit entry for reads or for refused writes', async () => {
    const before = (await t.ok('audit.list', {}, admin)).total;
    await t.ok('staff.list', {}, admin);
    await t.call('staff.setRoles', { staffId: 'missing', roles: [] }, admin);
    expect((await t.ok('audit.list', {}, admin)).total).toBe(before);
  });
});
