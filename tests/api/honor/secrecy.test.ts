import { join } from 'node:path';
import Database from 'better-sqlite3';
import { errorOf, startTestServer, type TestServer } from '../support/harness';
import { AT, HONOR_COLLECTIONS, HonorDriver } from './support';

/**
 * The secret ballot (DESIGN.md §5): nothing stored links a voter to a choice, not for admins, not
 * through times or ids. These tests read the SQLite file itself, every table and every row.
 */

let t: TestServer;
let h: HonorDriver;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
});
afterAll(() => t.stop());

interface Row {
  table: string;
  rowid: number;
  id: string;
  doc: Record<string, unknown>;
  text: string;
}

/** Every row of every table of the store, as stored. */
function dumpDatabase(): Row[] {
  const db = new Database(join(t.dataDir, 'tongxin.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[];
    const rows: Row[] = [];
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
      if (!columns.includes('doc')) {
        // Bookkeeping tables of the adapter (schema version): nothing a ballot could write to.
        for (const raw of db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
          rows.push({ table: name, rowid: 0, id: '', doc: raw, text: JSON.stringify(raw) });
        }
        continue;
      }
      expect(columns.sort()).toEqual(['_id', 'doc']);
      // A secret collection has no rowid (no insertion order) at all: see the test of the files.
      const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).get(name) as { sql: string };
      const order = /WITHOUT ROWID/i.test(sql.sql) ? '0 AS rowid' : 'rowid';
      for (const raw of db.prepare(`SELECT ${order}, _id, doc FROM "${name}"`).all() as {
        rowid: number;
        _id: string;
        doc: string;
      }[]) {
        rows.push({
          table: name,
          rowid: raw.rowid,
          id: raw._id,
          doc: JSON.parse(raw.doc) as Record<string, unknown>,
          text: raw.doc,
        });
      }
    }
    return rows;
  } finally {
    db.close();
  }
}

// An admin, a secretary and an organizer among them: their writes are audited, their ballots must not be.
const VOTERS = ['T0020', 'T0002', 'T0003', 'T0021', 'T0022'];
const NOMINEES = ['T0005', 'T0006', 'T0007'];

async function identifiers(staffNo: string): Promise<string[]> {
  const [doc] = await t.server.store.collection('staff').find({ staffNo }, { limit: 1 });
  return [doc._id, doc.staffNo, doc.name, doc.openid ?? ''].filter((s) => s !== '');
}

describe('the stored data of a round', () => {
  it('holds no field, document, time or id that links a voter to a candidate', async () => {
    await t.ok('staff.setRoles', { staffId: await h.staffId('T0020'), roles: ['staff', 'admin'] }, await h.as('T0001'));
    const { round, ids } = await h.voting(NOMINEES);
    const before = new Map(dumpDatabase().map((r) => [`${r.table}/${r.id}`, r.text]));
    const choices: Record<string, string[]> = {
      T0020: [ids.T0005],
      T0002: [ids.T0006, ids.T0007],
      T0003: [ids.T0005, ids.T0006, ids.T0007],
      T0021: [ids.T0007],
      T0022: [ids.T0006],
    };
    for (const [i, voter] of VOTERS.entries()) {
      await h.at(`2026-03-1${i % 3}T1${i}:00:00+08:00`);
      await t.ok('honor.vote', { roundId: round.id, nominationIds: choices[voter] }, await h.as(voter));
    }
    const rows = dumpDatabase();

    // 1. What voting wrote: one bare marker per voter and the candidates' counters, nothing else.
    const changed = rows.filter((r) => before.get(`${r.table}/${r.id}`) !== r.text);
    const markers = changed.filter((r) => r.table === 'c_honorVoters');
    const counters = changed.filter((r) => r.table === 'c_honorTallies');
    expect(changed.length).toBe(markers.length + counters.length);
    expect(markers).toHaveLength(VOTERS.length);
    for (const m of markers) expect(Object.keys(m.doc).sort()).toEqual(['_id', 'roundId', 'staffId']);
    for (const c of counters)
      expect(Object.keys(c.doc).sort()).toEqual(['_id', 'nominationId', 'roundId', 'shard', 'votes']);
    const sums: Record<string, number> = {};
    for (const c of counters)
      sums[String(c.doc.nominationId)] = (sums[String(c.doc.nominationId)] ?? 0) + Number(c.doc.votes);
    expect(sums).toEqual({
      [ids.T0005]: 2,
      [ids.T0006]: 3,
      [ids.T0007]: 3,
    });
    // Ids are random: nothing in a marker's id or row order says which counter moved with it.
    for (const m of markers) expect(m.id).toMatch(/^[0-9a-f]{24}$/);

    // 2. No row of the feature's collections, the audit log or the inbox mentions both a voter and a
    // candidate. (Other features' rows may link colleagues for their own reasons; 1. shows that
    // voting wrote none of them.)
    const scope = new Set([...HONOR_COLLECTIONS.map((c) => `c_${c}`), 'c_audit', 'c_inbox']);
    const candidateKeys = [...Object.values(ids), ...(await Promise.all(NOMINEES.map(identifiers))).flat()];
    for (const voter of VOTERS) {
      const mine = await identifiers(voter);
      const mentioning = rows.filter((r) => scope.has(r.table) && mine.some((k) => r.text.includes(k)));
      expect(mentioning.some((r) => r.table === 'c_honorVoters')).toBe(true);
      for (const r of mentioning) {
        const linked = candidateKeys.filter((k) => r.text.includes(k));
        expect({ table: r.table, doc: r.doc, linked }).toEqual({ table: r.table, doc: r.doc, linked: [] });
      }
    }

    // 3. No time of a ballot anywhere: the round is untouched, no audit entry, no notice.
    expect(rows.filter((r) => r.table === 'c_audit' && r.text.includes('honor.vote'))).toEqual([]);
    expect(changed.some((r) => r.table === 'c_honorRounds' || r.table === 'c_inbox')).toBe(false);
    const audit = await t.ok('audit.list', {}, await h.as('T0001'));
    expect(audit.items.filter((a) => a.action === 'honor.vote')).toEqual([]);
    expect(audit.items.some((a) => a.action === 'staff.setRoles')).toBe(true);
  });

  it('would look the same had two voters swapped their choices', async () => {
    // Round A: T0023 → 周伟's candidate, T0024 → 吴敏's. Round B: the other way round.
    const normalized = async (swap: boolean) => {
      const { round, ids } = await h.voting(['T0008', 'T0009']);
      const [first, second] = swap ? [ids.T0009, ids.T0008] : [ids.T0008, ids.T0009];
      await t.ok('honor.vote', { roundId: round.id, nominationIds: [first] }, await h.as('T0023'));
      await t.ok('honor.vote', { roundId: round.id, nominationIds: [second] }, await h.as('T0024'));
      const label = new Map<string, string>([
        [round.id, 'ROUND'],
        [ids.T0008, 'N8'],
        [ids.T0009, 'N9'],
      ]);
      const rows = dumpDatabase().filter(
        (r) => ['c_honorVoters', 'c_honorTallies'].includes(r.table) && r.doc.roundId === round.id,
      );
      const named = (v: unknown) =>
        JSON.stringify(v, (_key, x: unknown) => (typeof x === 'string' && label.has(x) ? label.get(x) : x));
      // Which shard a ballot went to is chosen at random, apart from the voter: compare the sums.
      const sums = new Map<string, number>();
      for (const r of rows.filter((row) => row.table === 'c_honorTallies')) {
        const key = String(r.doc.nominationId);
        sums.set(key, (sums.get(key) ?? 0) + Number(r.doc.votes));
      }
      return [
        ...rows
          .filter((r) => r.table === 'c_honorVoters')
          .map((r) => {
            const { _id: _ignored, ...rest } = r.doc;
            return `${r.table} ${named(rest)}`;
          }),
        ...[...sums].map(([nominationId, votes]) => `c_honorTallies ${named({ nominationId, votes })}`),
      ].sort();
    };
    const a = await normalized(false);
    const b = await normalized(true);
    expect(a).toHaveLength(4);
    expect(a).toEqual(b);
  });

  it('keeps tallies from everyone while voting is open, admins included', async () => {
    const { round, ids } = await h.voting(['T0010', 'T0011']);
    await t.ok('honor.vote', { roundId: round.id, nominationIds: [ids.T0010] }, await h.as('T0025'));
    for (const who of ['T0001', 'T0025']) {
      expect(errorOf(await t.call('honor.results', { roundId: round.id }, await h.as(who))).details?.rule).toBe(
        'tallyHidden',
      );
      const seen = JSON.stringify([
        await t.ok('honor.nominations', { roundId: round.id }, await h.as(who)),
        await t.ok('honor.round.get', { roundId: round.id }, await h.as(who)),
        await t.ok('honor.round.list', {}, await h.as(who)),
      ]);
      expect(seen).not.toMatch(/"votes"/);
    }
    await h.at(AT.voteUntil);
    expect((await t.ok('honor.results', { roundId: round.id }, await h.as('T0001'))).items[0]).toMatchObject({
      votes: 1,
    });
  });
});
