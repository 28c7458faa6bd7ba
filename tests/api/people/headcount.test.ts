import { recountAll } from '../../../server/features';
import { findAll } from '../../../server/kernel/paging';
import { startTestServer, type TestServer } from '../support/harness';

/**
 * The roster's own counters (server/features/people/headcount.ts): participation's headcount per
 * department comes from them, never from reading the roster, so each roster write must move them
 * and they must always equal a count of the roster.
 */
let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  await t.setClock('2026-03-02T01:00:00.000Z', true); // Monday 09:00 in Shanghai
  admin = await t.login('demo-T0001');
});
afterAll(() => t.stop());

/** Active members per department as the roster itself says. */
async function counted(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of await findAll(t.server.store.collection('staff'), { active: true })) {
    out[s.department] = (out[s.department] ?? 0) + 1;
  }
  return out;
}

/** The headcount participation answers, per department and in total. */
async function answered(): Promise<{ byDept: Record<string, number>; total: number }> {
  const p = await t.ok('checkin.participation', { month: '2026-03' }, admin);
  const byDept = Object.fromEntries(
    p.departments.filter((d) => d.headcount > 0).map((d) => [d.department, d.headcount]),
  );
  return { byDept, total: p.headcount };
}

async function expectInStep(): Promise<void> {
  const truth = await counted();
  const { byDept, total } = await answered();
  expect(byDept).toEqual(truth);
  expect(total).toBe(Object.values(truth).reduce((a, b) => a + b, 0));
  expect(await recountAll(t.server.store, { now: new Date(), all: true })).toEqual([]);
}

const idOf = async (staffNo: string) =>
  (await t.server.store.collection('staff').find({ staffNo }, { limit: 1 }))[0]._id;

describe('the headcount per department', () => {
  it('follows imports (new members, a move), deactivation and activation', async () => {
    await expectInStep();
    const before = await answered();
    const [moved] = await t.server.store.collection('staff').find({ staffNo: 'T0012' }, { limit: 1 });
    await t.ok(
      'staff.import',
      {
        rows: [
          { staffNo: 'H0001', name: '新同事甲', department: '新设科' },
          { staffNo: 'H0002', name: '新同事乙', department: '新设科' },
          { staffNo: 'T0012', name: moved.name, department: '新设科' },
        ],
      },
      admin,
    );
    await expectInStep();
    expect((await answered()).byDept['新设科']).toBe(3);
    expect((await answered()).total).toBe(before.total + 2);

    await t.ok('staff.deactivate', { staffId: await idOf('H0001') }, admin);
    await expectInStep();
    expect((await answered()).byDept['新设科']).toBe(2);
    // A repeat changes nothing.
    await t.ok('staff.deactivate', { staffId: await idOf('H0001') }, admin);
    await t.ok('staff.activate', { staffId: await idOf('H0001') }, admin);
    await t.ok('staff.activate', { staffId: await idOf('H0001') }, admin);
    await expectInStep();
    expect((await answered()).byDept['新设科']).toBe(3);
  });

  it('is rebuilt on first read in a store kept before it existed, and repaired by the recount', async () => {
    const counts = t.server.store.collection('headcounts');
    await counts.remove({});
    await expectInStep();
    // The first roster write in such a store leaves one department's count alone (at -1): the read
    // still answers the roster, since the counts' sum is checked against it.
    await counts.remove({});
    await t.ok('staff.deactivate', { staffId: await idOf('H0002') }, admin);
    expect((await counts.find({}, { limit: 10 })).map((d) => d.active)).toEqual([-1]);
    await expectInStep();
    const [doc] = await counts.find({}, { sort: { _id: 1 }, limit: 1 });
    await counts.update({ _id: doc._id }, { inc: { active: 3 } });
    expect(await recountAll(t.server.store, { now: new Date(), all: true })).toEqual([
      `people: headcounts ${doc._id}: active ${doc.active + 3} → ${doc.active}`,
    ]);
    await expectInStep();
  });
  it('stays right when two admins deactivate each other at once', async () => {
    const other = await idOf('T0004');
    await t.ok('staff.setRoles', { staffId: other, roles: ['staff', 'admin'] }, admin);
    const second = await t.login('demo-T0004');
    const results = await Promise.all([
      t.call('staff.deactivate', { staffId: other }, admin),
      t.call('staff.deactivate', { staffId: await idOf('T0001') }, second),
    ]);
    // Each looks again after writing and puts its own change back if no admin is left (people/roster.ts):
    // one or both are refused, never neither, and the counts follow what stayed.
    expect(results.filter((r) => r.body.ok).length).toBeLessThan(2);
    const admins = await findAll(t.server.store.collection('staff'), { active: true });
    expect(admins.some((s) => s.roles.includes('admin'))).toBe(true);
    await expectInStep();
  });
});
