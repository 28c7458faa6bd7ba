// Flat cost with history (issue 11): the same reads against a store holding years of a large unit's
// check-ins (10,000 staff × 100 workdays = 1,000,000) and against one holding 1,000, the same
// roster and readings in both. Each figure is the median latency of one member's (or the admin's)
// call in turn; the ratio big / small should stay near 1: no read may scan history.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { addDays, weekdayOf } from '../src/core/time';
import { startServer } from '../server/entry/http';
import { COLLECTION_SPECS, type Collections, recountAll } from '../server/features';
import { openSqliteStore } from '../server/store/sqlite';
import { tableName } from '../server/store/sqlite/migrate';
import { apiClient } from './bench-load';
import { benchMember } from './bench-roster';

const STAFF = Number(process.env.BENCH_HISTORY_STAFF ?? 10_000);
const DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 100);
const SMALL = Math.min(1000, STAFF);
const CALLS = 200;
/** Thursday 3 December 2026, 06:05 in Asia/Shanghai; the history ends the day before. */
const NOW = new Date('2026-12-02T22:05:00Z');

interface HistoryRow {
  name: string;
  small: number;
  big: number;
}

/** The last `count` weekdays before `day`, oldest first. */
function weekdaysBefore(day: string, count: number): string[] {
  const days: string[] = [];
  for (let d = addDays(day, -1); days.length < count; d = addDays(d, -1)) {
    if (weekdayOf(d) % 6 !== 0) days.unshift(d);
  }
  return days;
}

/** A store with the demo unit, the roster, a reading on every history day and `checkins` records. */
async function buildStore(
  dataDir: string,
  days: string[],
  checkins: (emit: (staff: number, day: number) => void) => void,
) {
  const at = NOW.toISOString();
  const seeded = await startServer({ port: 0, dataDir, demo: true, clock: { now: () => NOW }, log: () => undefined });
  const readingOf = new Map<string, string>();
  try {
    const staff = seeded.store.collection('staff');
    for (let i = 0; i < STAFF; i++) {
      await staff.insert(benchMember('hist', i, at));
    }
    const readings = seeded.store.collection('readings');
    for (const date of days) {
      const [existing] = await readings.find({ date }, { limit: 1 });
      const id = existing?._id ?? `hist-reading-${date}`;
      if (!existing) {
        await readings.insert({
          _id: id,
          date,
          month: date.slice(0, 7),
          title: `${date} 晨读`,
          body: '学习内容。',
          source: '',
          publishedBy: 'hist-staff-0',
          publishedAt: at,
          updatedBy: 'hist-staff-0',
          updatedAt: at,
        });
      }
      readingOf.set(date, id);
    }
  } finally {
    await seeded.close();
  }
  // The records straight into the file, in one transaction; the counters then from the recount,
  // which is what they must equal.
  const db = new Database(join(dataDir, 'tongxin.db'));
  const insert = db.prepare(`INSERT INTO "${tableName('checkins')}" (_id, doc) VALUES (?, ?)`);
  db.transaction(() =>
    checkins((i, d) => {
      const date = days[d];
      const staff = benchMember('hist', i, at);
      const doc = {
        _id: `hist-c-${i}-${d}`,
        staffId: staff._id,
        staffNo: staff.staffNo,
        department: staff.department,
        date,
        month: date.slice(0, 7),
        year: Number(date.slice(0, 4)),
        readingId: readingOf.get(date),
        at: `${addDays(date, -1)}T22:10:00.000Z`,
        makeup: false,
        minutes: 20,
      };
      insert.run(doc._id, JSON.stringify(doc));
    }),
  )();
  db.close();
  const store = openSqliteStore<Collections>({ file: join(dataDir, 'tongxin.db'), specs: COLLECTION_SPECS });
  try {
    await recountAll(store, { now: NOW, all: true });
  } finally {
    await store.close();
  }
}

const CALLS_MEASURED: [string, string, unknown, 'member' | 'admin'][] = [
  ['reading.today', 'reading.today', {}, 'member'],
  ['checkin.calendar', 'checkin.calendar', { month: '2026-12' }, 'member'],
  ['checkin.archive', 'checkin.archive', { year: 2026 }, 'member'],
  ['checkin.honorRoll', 'checkin.honorRoll', { month: '2026-11' }, 'member'],
  ['checkin.participation', 'checkin.participation', { month: '2026-11' }, 'admin'],
  ['dashboard.summary', 'dashboard.summary', { month: '2026-11' }, 'admin'],
  ['volunteer.records', 'volunteer.records', {}, 'member'],
];

async function latencies(dataDir: string): Promise<Map<string, number>> {
  const server = await startServer({ port: 0, dataDir, demo: true, clock: { now: () => NOW }, log: () => undefined });
  try {
    const { ok: post } = apiClient(server.url);
    const login = async (openid: string) => (await post<{ token: string }>('dev.login', { openid })).token;
    const tokens = { member: await login('hist-0'), admin: await login('demo-T0001') };
    const out = new Map<string, number>();
    for (const [name, action, body, who] of CALLS_MEASURED) {
      for (let i = 0; i < 20; i++) await post(action, body, tokens[who]); // warm-up
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now();
        await post(action, body, tokens[who]);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out.set(name, times[Math.floor(times.length / 2)]);
    }
    return out;
  } finally {
    await server.close();
  }
}

export async function benchHistory(): Promise<HistoryRow[]> {
  const days = weekdaysBefore('2026-12-03', DAYS);
  const smallDir = mkdtempSync(join(tmpdir(), 'tongxin-history-small-'));
  const bigDir = mkdtempSync(join(tmpdir(), 'tongxin-history-big-'));
  try {
    // The small store's 1,000 are a month like the one measured (November, 20 of its 21 workdays,
    // for the first members): the ratio then tells what years of history cost, not how much fuller
    // one month is than another. The big one: every member on every day.
    const inNovember = days.flatMap((d, i) => (d.startsWith('2026-11') ? [i] : [])).slice(0, 20);
    const november = inNovember.length > 0 ? inNovember : [days.length - 1];
    await buildStore(smallDir, days, (emit) => {
      for (let i = 0; i < SMALL / november.length; i++) for (const d of november) emit(i, d);
    });
    await buildStore(bigDir, days, (emit) => {
      for (let d = 0; d < days.length; d++) for (let i = 0; i < STAFF; i++) emit(i, d);
    });
    const small = await latencies(smallDir);
    const big = await latencies(bigDir);
    return CALLS_MEASURED.map(([name]) => ({ name, small: small.get(name) ?? NaN, big: big.get(name) ?? NaN }));
  } finally {
    rmSync(smallDir, { recursive: true, force: true });
    rmSync(bigDir, { recursive: true, force: true });
  }
}

export const HISTORY_SCALE = { staff: STAFF, days: DAYS, small: SMALL, calls: CALLS };
