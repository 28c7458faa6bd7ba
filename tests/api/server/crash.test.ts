import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { COLLECTION_SPECS, type Collections, recountAll } from '../../../server/features';
import type { StaffDoc } from '../../../server/kernel/member';
import { findAll } from '../../../server/kernel/paging';
import { openSqliteStore } from '../../../server/store/sqlite';

/**
 * Crash safety: the local server is killed with SIGKILL in the middle of a burst of acknowledged
 * writes (check-ins, volunteer sign-ups and 好人榜 ballots), three times on the same data folder.
 * After each, the store opens, passes SQLite's integrity check, holds every write that was answered
 * ok, every counter equals a recount and the ballots' tallies add up to their voters: a transaction
 * is all or nothing, an answer comes after its commit.
 */

const root = join(__dirname, '..', '..', '..');
const MEMBERS_PER_ROUND = 1000;
const ROUNDS = 3;
/** Thursday 3 December 2026, 06:05 in Asia/Shanghai: a workday inside the window. */
const WINDOW_OPEN = Date.parse('2026-12-02T22:05:00Z');

interface Server {
  url: string;
  child: ChildProcess;
}

function serve(dataDir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/entry/serve.ts', '--port', '0', '--data', dataDir, '--dev'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) resolve({ url, child });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill(signal);
  });
}

interface Answer<T> {
  ok: boolean;
  data: T;
}

function client(url: string) {
  return async <T>(action: string, body: unknown, token?: string): Promise<Answer<T>> => {
    const res = await fetch(`${url}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as Answer<T>;
  };
}

/**
 * A 好人榜 round in voting through the whole test, with three approved candidates: every member of
 * every round may cast one ballot in it. Resolves to the round and its nomination ids.
 */
async function votingRound(call: ReturnType<typeof client>, nominees: string[]) {
  await call('dev.clock.set', { now: new Date(WINDOW_OPEN - 3_600_000).toISOString(), freeze: true });
  const as = async (openid: string) => (await call<{ token: string }>('dev.login', { openid })).data.token;
  const admin = await as('demo-T0001');
  const nominator = await as('demo-T0004');
  type Round = { round: { id: string } };
  const input = {
    title: '崩溃测试评选',
    nominateUntil: '2026-12-10T18:00:00+08:00',
    voteUntil: '2026-12-17T18:00:00+08:00',
  };
  const { round } = (await call<Round>('honor.round.create', input, admin)).data;
  const advance = (to: string) => call('honor.round.advance', { roundId: round.id, to }, admin);
  await advance('nominating');
  const ids: string[] = [];
  for (const nomineeStaffId of nominees) {
    const nomination = { roundId: round.id, nomineeStaffId, kind: 'peer', category: '职业道德', deeds: DEEDS };
    ids.push((await call<{ nomination: { id: string } }>('honor.nominate', nomination, nominator)).data.nomination.id);
  }
  await advance('reviewing');
  for (const nominationId of ids) await call('honor.review', { nominationId, decision: 'approve' }, admin);
  expect((await advance('voting')).ok).toBe(true);
  return { roundId: round.id, nominationIds: ids };
}

const DEEDS =
  '多年如一日扎根基层岗位，工作中认真细致、任劳任怨，业余时间坚持参加社区志愿服务，帮助困难群众解决实际问题。';

function roster(round: number, at: string): StaffDoc[] {
  return Array.from({ length: MEMBERS_PER_ROUND }, (_, k) => {
    const i = round * MEMBERS_PER_ROUND + k;
    return {
      _id: `crash-staff-${i}`,
      staffNo: `C${String(i).padStart(5, '0')}`,
      name: `职工${i}`,
      department: `第${(i % 7) + 1}处`,
      roles: ['staff'],
      active: true,
      openid: `crash-${i}`,
      boundAt: at,
      createdAt: at,
      updatedAt: at,
    };
  });
}

describe('kill -9 in the middle of a burst of writes', () => {
  let dataDir: string;
  let server: Server | undefined;
  let ballot: { roundId: string; nominationIds: string[] };
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tongxin-crash-'));
    server = await serve(dataDir); // seeds the demo unit
    await stop(server.child, 'SIGTERM');
    const store = openSqliteStore<Collections>({ file: join(dataDir, 'tongxin.db'), specs: COLLECTION_SPECS });
    const nominees: string[] = [];
    try {
      const at = new Date(WINDOW_OPEN).toISOString();
      for (let round = 0; round < ROUNDS; round++) {
        for (const doc of roster(round, at)) await store.collection('staff').insert(doc);
      }
      // Written past the API: the roster's own counters (headcounts) come from the recount.
      await recountAll(store, { now: new Date(WINDOW_OPEN), all: true });
      for (const staffNo of ['T0005', 'T0006', 'T0007']) {
        nominees.push((await store.collection('staff').find({ staffNo }, { limit: 1 }))[0]._id);
      }
    } finally {
      await store.close();
    }
    server = await serve(dataDir);
    ballot = await votingRound(client(server.url), nominees);
    await stop(server.child, 'SIGTERM');
  }, 60_000);
  afterAll(async () => {
    if (server) await stop(server.child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(Array.from({ length: ROUNDS }, (_, round) => round))(
    'round %i: every acknowledged write survives, the counters equal a recount, the file is sound',
    async (round) => {
      server = await serve(dataDir);
      const call = client(server.url);
      await call('dev.clock.set', { now: new Date(WINDOW_OPEN).toISOString(), freeze: true });
      const admin = (await call<{ token: string }>('dev.login', { openid: 'demo-T0001' })).data.token;
      const members = roster(round, '');
      const tokens: string[] = [];
      for (const m of members)
        tokens.push((await call<{ token: string }>('dev.login', { openid: m.openid })).data.token);
      const reading = (await call<{ reading: { id: string } }>('reading.today', {}, tokens[0])).data.reading;
      await Promise.all(tokens.map((t) => call('reading.open', { readingId: reading.id }, t)));
      const { event } = (
        await call<{ event: { id: string } }>(
          'volunteer.event.create',
          {
            title: `第${round + 1}轮志愿服务`,
            content: '协助整理社区图书角。',
            place: '社区图书角',
            startAt: '2026-12-05T09:00:00+08:00',
            endAt: '2026-12-05T12:00:00+08:00',
            signupDeadline: '2026-12-04T18:00:00+08:00',
            capacity: 40,
          },
          admin,
        )
      ).data;
      await call('dev.clock.set', { now: new Date(WINDOW_OPEN + 90_000).toISOString(), freeze: true });

      // 3,000 writes, 50 at a time; the server dies somewhere between the 400th and the 1,200th answer.
      const vote = (i: number) => ({ roundId: ballot.roundId, nominationIds: [ballot.nominationIds[i % 3]] });
      const writes = members.flatMap((_, i) => [
        { kind: 'checkin' as const, i, send: () => call('checkin.submit', { readingId: reading.id }, tokens[i]) },
        { kind: 'signup' as const, i, send: () => call('volunteer.signup', { eventId: event.id }, tokens[i]) },
        { kind: 'ballot' as const, i, send: () => call('honor.vote', vote(i), tokens[i]) },
      ]);
      const killAt = 400 + Math.floor(Math.random() * 800);
      const acked = { checkin: new Set<string>(), signup: new Set<string>(), ballot: new Set<string>() };
      let next = 0;
      let answered = 0;
      const child = server.child;
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          while (next < writes.length) {
            const write = writes[next++];
            try {
              const answer = await write.send();
              if (answer.ok) acked[write.kind].add(members[write.i]._id);
            } catch {
              // The connection died with the server: not acknowledged.
            }
            if (++answered === killAt) child.kill('SIGKILL');
          }
        }),
      );
      await stop(child, 'SIGKILL');
      const ackedCount = acked.checkin.size + acked.signup.size + acked.ballot.size;
      expect(ackedCount).toBeGreaterThanOrEqual(killAt - 50);
      expect(ackedCount).toBeLessThan(writes.length);
      // Each kind was acknowledged before the kill (the writes interleave), so each is proven below.
      expect([acked.checkin.size, acked.signup.size, acked.ballot.size].every((n) => n > 50)).toBe(true);

      // Restarted on the same folder, the server serves again.
      server = await serve(dataDir);
      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ ok: true });
      await stop(server.child, 'SIGTERM');
      server = undefined;

      const file = join(dataDir, 'tongxin.db');
      const raw = new Database(file, { readonly: true });
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        raw.close();
      }
      const store = openSqliteStore<Collections>({ file, specs: COLLECTION_SPECS });
      try {
        const checkins = await findAll(store.collection('checkins'), { date: '2026-12-03' });
        const checked = new Set(checkins.map((c) => c.staffId));
        expect([...acked.checkin].filter((id) => !checked.has(id))).toEqual([]);
        const live = new Set<string>();
        for (const id of acked.signup) {
          const [entry] = await store.collection('signupEntries').find({ holderId: id }, { limit: 5 });
          if (entry?.live) live.add(id);
        }
        expect([...acked.signup].filter((id) => !live.has(id))).toEqual([]);
        // Every acknowledged ballot has its voter's marker, and the tallies hold exactly one vote per marker.
        const voters = await findAll(store.collection('honorVoters'), { roundId: ballot.roundId });
        const voted = new Set(voters.map((v) => v.staffId));
        expect([...acked.ballot].filter((id) => !voted.has(id))).toEqual([]);
        const tallies = await findAll(store.collection('honorTallies'), { roundId: ballot.roundId });
        expect(tallies.reduce((sum, t) => sum + t.votes, 0)).toBe(voters.length);
        expect(await recountAll(store, { now: new Date(WINDOW_OPEN + 90_000), all: true })).toEqual([]);
      } finally {
        await store.close();
      }
    },
    120_000,
  );
});
