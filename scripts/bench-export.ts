// The export's cost at scale: a temporary SQLite store seeded directly with the demo unit and a year
// of 50,000 confirmed volunteer records (1,000 events × 50 people), then `report.export` through the
// real router, timed, for the volunteer export and the whole ledger. The cloud function has 20 s.
// Numbers are for reading, never for asserting. `npx tsx scripts/bench-export.ts` prints a table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppStore, COLLECTION_SPECS, type Collections, handlers, seedDemoIfEmpty } from '../server/features';
import { DevClock } from '../server/kernel/clock';
import { wordListCheck } from '../server/kernel/wordlist';
import { createRouter } from '../server/router';
import { openSqliteStore } from '../server/store/sqlite';

export interface ExportBench {
  name: string;
  rows: number;
  ms: number;
  bytes: number;
}

const EVENTS = 1000;
const PER_EVENT = 50;
const PEOPLE = 500;
const NOW = '2026-12-31T10:00:00.000Z';

/** A year of events in 2026, every one with PER_EVENT confirmed records; inserted in one transaction. */
async function seedVolunteerYear(store: AppStore): Promise<number> {
  await store.transaction(async (tx) => {
    for (let e = 0; e < EVENTS; e++) {
      const day = new Date(Date.UTC(2026, 0, 1 + (e % 360), 1, 0));
      const startAt = day.toISOString();
      const endAt = new Date(day.getTime() + 3 * 3_600_000).toISOString();
      const eventId = `bench-event-${e}`;
      const title = `志愿服务活动 ${e}`;
      await tx.collection('volunteerEvents').insert({
        _id: eventId,
        title,
        content: '社区环境整治，协助居民分类投放垃圾。',
        place: '幸福社区',
        startAt,
        endAt,
        signupDeadline: startAt,
        plannedHours: 3,
        team: '学雷锋志愿服务队',
        capacity: PER_EVENT,
        slotId: `volunteer:${eventId}`,
        status: 'active',
        cancelReason: null,
        cancelledAt: null,
        cancelledBy: null,
        secret: '00',
        year: 2026,
        createdBy: 'bench',
        createdByName: '赵强',
        createdAt: startAt,
        updatedAt: startAt,
      });
      for (let i = 0; i < PER_EVENT; i++) {
        const n = (e * PER_EVENT + i) % PEOPLE;
        const staffId = `bench-staff-${n}`;
        await tx.collection('volunteerRecords').insert({
          _id: `${eventId}:${staffId}`,
          eventId,
          staffId,
          year: 2026,
          plannedHours: 3,
          signInAt: startAt,
          signOutAt: endAt,
          hours: 3,
          computedHours: 3,
          note: i === 0 ? '=1+1' : null,
          confirmerId: 'bench',
          confirmerName: '赵强',
          confirmedAt: endAt,
          staffName: `志愿者${n}`,
          staffNo: `B${String(n).padStart(4, '0')}`,
          department: '综合科',
          eventTitle: title,
          eventDate: startAt.slice(0, 10),
          place: '幸福社区',
          content: '社区环境整治，协助居民分类投放垃圾。',
          unitName: '同心示范单位',
          team: '学雷锋志愿服务队',
          startAt,
          endAt,
          createdAt: startAt,
          updatedAt: endAt,
        });
      }
    }
  });
  return EVENTS * PER_EVENT;
}

export async function benchExport(): Promise<ExportBench[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tongxin-bench-export-'));
  const store = openSqliteStore<Collections>({ file: join(dir, 'tongxin.db'), specs: COLLECTION_SPECS });
  try {
    const clock = new DevClock();
    clock.set(new Date(NOW), true);
    await seedDemoIfEmpty(store, clock.now());
    await seedVolunteerYear(store);
    const router = createRouter({ store, clock, handlers, contentCheck: wordListCheck() });
    const out: ExportBench[] = [];
    // The baseline: the same export over one day of the same store (one event's records).
    const runs = [
      { kind: 'volunteer', from: '2026-01-01', to: '2026-01-01', label: 'baseline: report.export volunteer (1 day)' },
      { kind: 'volunteer', from: '2026-01-01', to: '2026-12-31', label: 'report.export volunteer (2026)' },
      { kind: 'ledger', from: '2026-01-01', to: '2026-12-31', label: 'report.export ledger (2026)' },
    ] as const;
    for (const { kind, from, to, label } of runs) {
      const started = performance.now();
      const { body } = await router.handle({
        action: 'report.export',
        input: { kind, from, to },
        openid: 'demo-T0001',
      });
      const ms = performance.now() - started;
      if (!body.ok) throw new Error(`report.export ${kind}: ${JSON.stringify(body.error)}`);
      const file = body.data as { rows: number; bytes: number };
      out.push({ name: label, rows: file.rows, ms: Math.round(ms), bytes: file.bytes });
    }
    return out;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchExport().then((rows) => console.table(rows));
}
