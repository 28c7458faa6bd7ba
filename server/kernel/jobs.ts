import type { NoticeKey, NoticeSlots } from '../../src/core/notice';
import type { Settings } from '../../src/core/settings/schema';
import { addDays, localDayKey, localInstant, localMinuteOfDay } from '../../src/core/time';
import type { DocMap, Store } from '../store/port';
import { collectNotices, type WrittenNotice } from './outbox';

/**
 * Scheduled jobs (issue 10): the cloud function's timer trigger calls the runner every few minutes
 * (cloudfunctions/api/config.json), the local server on a timer in demo and dev mode, and
 * `npm run jobs -- --at ISO` once. Each job looks at the clock itself and does what is due, and each
 * is idempotent: its messages are claimed by what they are for, its once-only steps by a mark, so a
 * trigger that fires twice, or late, sends nothing twice.
 */

/** One WeChat message a job offers; `id` names what it is for, so it is sent at most once. */
export interface PushRequest {
  id: string;
  staffId: string;
  key: NoticeKey;
  title: string;
  /** The app's page to open, e.g. '/pages/reading/index'. */
  link: string;
  slots: NoticeSlots;
}

export type PushOutcome = 'sent' | 'failed' | 'noTemplate' | 'noCredit' | 'unbound' | 'already';

export interface JobCtx<C extends DocMap<C>> {
  store: Store<C>;
  now: Date;
  settings: Settings;
  push(request: PushRequest): Promise<PushOutcome>;
}

/** A feature's job: resolves to what it did, one line each, for the log (nothing when nothing was due). */
export interface FeatureJob<C extends DocMap<C>> {
  name: string;
  run(ctx: JobCtx<C>): Promise<string[]>;
}

export interface JobRun<C extends DocMap<C>> extends JobCtx<C> {
  /** Offers the inbox notices a job wrote to WeChat (the notice feature's delivery). */
  deliver(notices: readonly WrittenNotice[]): Promise<void>;
  log(line: string): void;
}

/** Runs every job once, in order; a job that fails is logged and the others still run. */
export async function runEachJob<C extends DocMap<C>>(
  jobs: readonly FeatureJob<C>[],
  run: JobRun<C>,
): Promise<string[]> {
  const lines: string[] = [];
  for (const job of jobs) {
    try {
      const { value, notices } = await collectNotices(() => job.run(run));
      await run.deliver(notices);
      for (const line of value) lines.push(`${job.name}: ${line}`);
    } catch (error) {
      const line = `${job.name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      run.log(line);
      lines.push(line);
    }
  }
  return lines;
}

/** Tallies outcomes for a job's line: `3 sent, 1 already`. */
export function tally(outcomes: readonly PushOutcome[]): string {
  const counts = new Map<PushOutcome, number>();
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  return [...counts].map(([o, n]) => `${n} ${o}`).join(', ') || 'nobody to remind';
}

/** Day-before reminders go out from this local hour on (after work), once per person and event. */
export const REMIND_EVE_FROM_HOUR = 17;

/**
 * Tomorrow on the unit's clock, as UTC ISO bounds of its start instants, once the evening before has
 * come; null earlier in the day. Each later trigger of the evening also reminds late sign-ups.
 */
export function tomorrowWhenEve(now: Date, timeZone: string): { day: string; from: string; to: string } | null {
  if (localMinuteOfDay(now, timeZone) < REMIND_EVE_FROM_HOUR * 60) return null;
  const day = addDays(localDayKey(now, timeZone), 1);
  return {
    day,
    from: localInstant(day, '00:00', timeZone).toISOString(),
    to: localInstant(addDays(day, 1), '00:00', timeZone).toISOString(),
  };
}
