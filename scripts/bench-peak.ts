// The morning peak (issue 11): a unit of 2,000 staff opens today's reading and checks in at once, 100
// connections to the local server, each figure beside the same run's GET /healthz. The server runs in
// its own process, as `npm start` runs it, so the load generator's CPU is not charged to it. Every
// request is a different member's, as in the morning: the first open and the first check-in write.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server/entry/http';
import type { StaffDoc } from '../server/kernel/member';
import { COLLECTION_SPECS, type Collections } from '../server/features';
import { openSqliteStore } from '../server/store/sqlite';
import { type LoadRow, apiClient, measure } from './bench-load';
import { benchMember } from './bench-roster';

export const PEAK_STAFF = Number(process.env.BENCH_STAFF ?? 2000);
export const PEAK_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const RACE_SEATS = 50;
const RACE_SIGNUPS = 1000;
/** Thursday 3 December 2026, 06:05 in Asia/Shanghai: a workday, five minutes into the window. */
const WINDOW_OPEN = Date.parse('2026-12-02T22:05:00Z');
const BENCH_DAY = '2026-12-03';

/** The demo's data plus the roster, written before the measured server starts on the same folder. */
async function prepare(dataDir: string): Promise<StaffDoc[]> {
  const at = new Date(WINDOW_OPEN);
  const server = await startServer({ port: 0, dataDir, demo: true, clock: { now: () => at }, log: () => undefined });
  try {
    const staff = Array.from({ length: PEAK_STAFF }, (_, i) => benchMember('bench', i, at.toISOString()));
    for (const doc of staff) await server.store.collection('staff').insert(doc);
    return staff;
  } finally {
    await server.close();
  }
}

/** `npm start -- --dev` on the folder: its own process, its settable clock; resolves with its URL. */
function serve(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  // BENCH_PROFILE=DIR writes the server's CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join('server', 'entry', 'serve.ts'), '--port', '0', '--data', dataDir, '--dev'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.on('exit', (code) => reject(new Error(`the bench server exited (${code}): ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function benchPeak(): Promise<LoadRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-peak-'));
  const staff = await prepare(dataDir);
  const rows = await measurePeak(dataDir, staff);
  await verify(dataDir, staff.length);
  return rows;
}

async function measurePeak(dataDir: string, staff: StaffDoc[]): Promise<LoadRow[]> {
  const { url, child } = await serve(dataDir);
  try {
    const { post, ok } = apiClient(url);
    const setClock = (at: number) => ok('dev.clock.set', { now: new Date(at).toISOString(), freeze: true });
    await setClock(WINDOW_OPEN);
    const tokens: string[] = [];
    for (const s of staff) tokens.push((await ok<{ token: string }>('dev.login', { openid: s.openid })).token);
    const today = await ok<{ reading: { id: string } | null }>('reading.today', {}, tokens[0]);
    if (!today.reading) throw new Error('the demo has no reading on the bench day');
    const readingId = today.reading.id;

    const n = staff.length;
    const healthz = () => fetch(`${url}/healthz`);
    // Each action beside a /healthz measured just before it: on this machine the baseline itself
    // drifts by a third within a run (CPU frequency, the other core's load generator), and a share
    // against one early baseline measured that drift as much as the action.
    const load = async (name: string, send: (i: number) => Promise<Response>) => {
      const baseline = (await measure('baseline', n, PEAK_CONNECTIONS, healthz)).rps;
      return { ...(await measure(name, n, PEAK_CONNECTIONS, send)), baseline };
    };
    // Warm-up: the server's code paths compiled before anything is measured.
    await measure('warm-up', n, PEAK_CONNECTIONS, healthz);
    await measure('warm-up', n, PEAK_CONNECTIONS, (i) => post('session.me', {}, tokens[i]));
    const rows: LoadRow[] = [];
    rows.push(await measure('baseline: GET /healthz', n, PEAK_CONNECTIONS, healthz));
    rows.push(await load('reading.today (before opening)', (i) => post('reading.today', {}, tokens[i])));
    rows.push(await load('reading.open (first)', (i) => post('reading.open', { readingId }, tokens[i])));
    rows.push(await load('reading.open (again)', (i) => post('reading.open', { readingId }, tokens[i])));
    await setClock(WINDOW_OPEN + 90_000); // everyone has read for the minimum time
    const submit = (i: number) => post('checkin.submit', { readingId, note: '学习了' }, tokens[i]);
    rows.push(await load('checkin.submit (first)', submit));
    rows.push(await load('checkin.submit (repeat)', submit));
    rows.push(await load('reading.today (checked in)', (i) => post('reading.today', {}, tokens[i])));
    rows.push(await load('session.me', (i) => post('session.me', {}, tokens[i])));
    rows.push(await load('volunteer.events', (i) => post('volunteer.events', {}, tokens[i])));
    rows.push(...(await signupRace({ post, ok }, tokens)));
    return rows;
  } finally {
    await stop(child);
  }
}

interface EventFigures {
  event: { id: string; capacity: number; confirmedCount: number; waitingCount: number };
}

/**
 * 1,000 members press 报名 at the same moment for 50 seats, beside 1,000 reads of the event: exactly
 * 50 must be confirmed and the rest waiting, or the figures measured a broken race.
 */
async function signupRace({ post, ok }: ReturnType<typeof apiClient>, tokens: string[]): Promise<LoadRow[]> {
  const admin = (await ok<{ token: string }>('dev.login', { openid: 'demo-T0001' })).token;
  const { event } = await ok<EventFigures>(
    'volunteer.event.create',
    {
      title: '社区敬老服务',
      content: '陪伴社区老人，协助整理活动室。',
      place: '幸福里社区活动中心',
      startAt: '2026-12-05T09:00:00+08:00',
      endAt: '2026-12-05T12:00:00+08:00',
      signupDeadline: '2026-12-04T18:00:00+08:00',
      capacity: RACE_SEATS,
    },
    admin,
  );
  const racers = Math.min(RACE_SIGNUPS, tokens.length);
  const eventId = event.id;
  const reads = await measure('volunteer.event.get', racers, PEAK_CONNECTIONS, (i) =>
    post('volunteer.event.get', { eventId }, tokens[i]),
  );
  const race = await measure(`volunteer.signup, ${racers} at once for ${RACE_SEATS} seats`, racers, racers, (i) =>
    post('volunteer.signup', { eventId }, tokens[i]),
  );
  const after = (await ok<EventFigures>('volunteer.event.get', { eventId }, admin)).event;
  if (after.confirmedCount !== RACE_SEATS || after.confirmedCount + after.waitingCount !== racers) {
    throw new Error(`the race confirmed ${after.confirmedCount} and left ${after.waitingCount} waiting`);
  }
  race.name += ` (${after.confirmedCount} confirmed, ${after.waitingCount} waiting)`;
  return [reads, race];
}

/** Every acknowledged check-in is in the store, or the figures above measured refusals. */
async function verify(dataDir: string, expected: number): Promise<void> {
  const store = openSqliteStore<Collections>({ file: join(dataDir, 'tongxin.db'), specs: COLLECTION_SPECS });
  try {
    const recorded = await store.collection('checkins').count({ date: BENCH_DAY });
    if (recorded < expected) throw new Error(`only ${recorded} of ${expected} check-ins were recorded`);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
