import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../../../server/entry/http';
import { tableName } from '../../../server/store/sqlite/migrate';
import { apiClient } from '../../../scripts/bench-load';
import { BODY, sh } from './support';

/**
 * A store kept before branches: no branch readings, no branch counts, no member in a branch. It
 * opens and behaves as before (the secretary publishes for the unit, everyone reads it and checks
 * in), and the first branch named afterwards in the roster is known at once.
 */
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tongxin-upgrade-'));
  const first = await startServer({ port: 0, dataDir, demo: true, log: () => undefined });
  await first.close();
  const db = new Database(join(dataDir, 'tongxin.db'));
  db.exec(`DROP TABLE "${tableName('branchReadings')}"; DROP TABLE "${tableName('branchCounts')}"`);
  db.prepare(`DELETE FROM "${tableName('meta')}" WHERE _id = ?`).run('branchCounts:counted');
  db.prepare(`UPDATE "${tableName('staff')}" SET doc = json_remove(doc, '$.branch')`).run();
  // One member's roster entry named a branch before the upgrade (import kept the column).
  db.prepare(
    `UPDATE "${tableName('staff')}" SET doc = json_set(doc, '$.branch', '老干部党支部') WHERE json_extract(doc, '$.staffNo') = 'T0026'`,
  ).run();
  db.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('opens, publishes for the unit and checks in as before, and learns a branch from the roster', async () => {
  const server = await startServer({ port: 0, dataDir, demo: true, dev: true, log: () => undefined });
  try {
    const { ok, post } = apiClient(server.url);
    const as = async (no: string) => (await ok<{ token: string }>('dev.login', { openid: `demo-${no}` })).token;
    await ok('dev.clock.set', { now: sh('2027-03-01', '05:00:00'), freeze: true });
    const secretary = await as('T0002');
    const published = await ok<{ reading: { id: string; branch?: string } }>(
      'reading.publish',
      { date: '2027-03-01', title: '全单位晨读', body: BODY },
      secretary,
    );
    expect(published.reading.branch).toBeUndefined();
    const member = await as('T0021');
    await ok('dev.clock.set', { now: sh('2027-03-01', '07:00:00'), freeze: true });
    expect(await ok('reading.today', {}, member)).toMatchObject({ reading: { title: '全单位晨读' } });
    await ok('reading.open', { readingId: published.reading.id }, member);
    await ok('dev.clock.set', { now: sh('2027-03-01', '07:02:00'), freeze: true });
    expect(await ok('checkin.submit', { readingId: published.reading.id }, member)).toMatchObject({ streak: 1 });

    // The branch the roster named before the upgrade is known (counted from the roster on first use).
    const admin = await as('T0001');
    const old = await ok<{ reading: { branch?: string } }>(
      'reading.publish',
      { date: '2027-03-02', title: '老支部', body: BODY, branch: '老干部党支部' },
      admin,
    );
    expect(old.reading.branch).toBe('老干部党支部');
    // A branch nobody is in yet is refused; once a roster write puts T0025 in it, it is known.
    const refused = await post(
      'reading.publish',
      { date: '2027-03-02', title: '一支部', body: BODY, branch: '机关第一党支部' },
      admin,
    );
    expect(refused.status).toBe(422);
    await ok(
      'staff.import',
      { rows: [{ staffNo: 'T0025', name: '韩冰', department: '办公室', branch: '机关第一党支部' }] },
      admin,
    );
    const forBranch = await ok<{ reading: { branch?: string } }>(
      'reading.publish',
      { date: '2027-03-02', title: '一支部', body: BODY, branch: '机关第一党支部' },
      admin,
    );
    expect(forBranch.reading.branch).toBe('机关第一党支部');
  } finally {
    await server.close();
  }
});
