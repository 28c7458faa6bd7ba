import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../support/harness';
import { HonorDriver } from './support';

/**
 * The attack run rebuilt 8 of 8 ballots from one copy of tongxin.db + tongxin.db-wal: each ballot was
 * one commit holding the voter's marker and the tallies it moved, and the WAL kept them. Here the files
 * are copied after each ballot, the WAL is replayed commit by commit, and no commit (nor the order of
 * rows in the database file) may tie a voter to the candidates they chose.
 */
let t: TestServer;
let h: HonorDriver;
let copies: string;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
  copies = mkdtempSync(join(tmpdir(), 'tongxin-copies-'));
});
afterAll(async () => {
  await t.stop();
  rmSync(copies, { recursive: true, force: true });
});

interface Frame {
  page: number;
  commit: boolean;
  data: Buffer;
}

/** The valid frames of a WAL file (SQLite's documented format), in order. */
function walFrames(file: string): Frame[] {
  if (!existsSync(file)) return [];
  const wal = readFileSync(file);
  if (wal.length < 32) return [];
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const frames: Frame[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    frames.push({
      page: wal.readUInt32BE(at),
      commit: wal.readUInt32BE(at + 4) !== 0,
      data: wal.subarray(at + 24, at + 24 + pageSize),
    });
  }
  return frames;
}

/** Frames grouped by the commit that ends them. */
function commits(frames: Frame[]): Frame[][] {
  const out: Frame[][] = [];
  let current: Frame[] = [];
  for (const f of frames) {
    current.push(f);
    if (f.commit) {
      out.push(current);
      current = [];
    }
  }
  return out;
}

it('no copy of the files links a voter to a choice: not in WAL commits, not in row order', async () => {
  const { round, ids } = await h.voting(['T0005', 'T0006', 'T0007']);
  const nominations = Object.values(ids);
  const voters = ['T0020', 'T0021', 'T0022', 'T0023', 'T0024', 'T0025', 'T0026', 'T0027'];
  const staffIds: string[] = [];
  for (const [i, voter] of voters.entries()) {
    staffIds.push(await h.staffId(voter));
    await t.ok('honor.vote', { roundId: round.id, nominationIds: [nominations[i % 3]] }, await h.as(voter));
    // A copy of the three files right after this ballot, as someone with disk access would take it.
    for (const ext of ['', '-wal', '-shm']) {
      const from = join(t.dataDir, `tongxin.db${ext}`);
      if (existsSync(from)) copyFileSync(from, join(copies, `${i}.db${ext}`));
    }
  }

  for (let i = 0; i < voters.length; i++) {
    for (const group of commits(walFrames(join(copies, `${i}.db-wal`)))) {
      const text = Buffer.concat(group.map((f) => f.data)).toString('latin1');
      const marksVoter = staffIds.some(
        (id) => text.includes(`"staffId":"${id}"`) && text.includes(`"roundId":"${round.id}"`),
      );
      const movesTally = nominations.some((n) => text.includes(`"nominationId":"${n}"`) && text.includes('"votes"'));
      expect({ copy: i, voterAndTallyInOneCommit: marksVoter && movesTally }).toEqual({
        copy: i,
        voterAndTallyInOneCommit: false,
      });
    }
    // The database file of the copy: markers sit in key order (random ids), not in the order of voting.
    const db = new Database(join(copies, `${i}.db`), { readonly: true });
    try {
      const table = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'c_honorVoters'`).get() as { sql: string };
      expect(table.sql).toMatch(/WITHOUT ROWID/i);
      const tallies = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'c_honorTallies'`).get() as {
        sql: string;
      };
      expect(tallies.sql).toMatch(/WITHOUT ROWID/i);
    } finally {
      db.close();
    }
  }

  // Stored order of the final markers is the order of their random ids, whatever the order of voting.
  const db = new Database(join(t.dataDir, 'tongxin.db'), { readonly: true });
  try {
    const rows = db.prepare(`SELECT _id, doc FROM c_honorVoters`).all() as { _id: string; doc: string }[];
    const mine = rows.filter((r) => (JSON.parse(r.doc) as { roundId: string }).roundId === round.id);
    expect(mine.map((r) => r._id)).toEqual([...mine.map((r) => r._id)].sort());
  } finally {
    db.close();
  }
});
