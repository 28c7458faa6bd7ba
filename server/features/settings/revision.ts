import { localDayKey } from '../../../src/core/time';
import type { ReadCache } from '../../kernel/cache';
import { isDuplicate } from '../../store/port';
import type { SettingsStore } from './ctx';

/**
 * The calendar's revision for the past: a number that changes whenever a day up to today changes
 * how it counts (its calendar entry, whether it had a reading, the time zone that cuts days). A
 * streak counted before such a change may be wrong after it, so the streaks stored on check-ins
 * (the reading feature) hold the revision they were counted at and are counted again when it moved.
 * Changes to later days leave it alone: nothing counted so far looked at them.
 */
const ID = 'unit';

export async function pastRevision(reads: { store: SettingsStore; cache: ReadCache }): Promise<number> {
  return reads.cache.get('calendar:revision', async () => {
    return (await reads.store.collection('calendarRevisions').get(ID))?.revision ?? 0;
  });
}

/** Moves the revision when `date` (a local day) is today or earlier at `now`; else does nothing. */
export async function pastDayChanged(
  ctx: { store: SettingsStore; cache: ReadCache },
  date: string | null,
  now: Date,
  timeZone: string,
): Promise<void> {
  if (date !== null && date > localDayKey(now, timeZone)) return;
  const revisions = ctx.store.collection('calendarRevisions');
  const inc = async () => (await revisions.update({ _id: ID }, { inc: { revision: 1 } })) > 0;
  if (!(await inc())) {
    try {
      await revisions.insert({ _id: ID, revision: 1 });
    } catch (error) {
      if (!isDuplicate(error) || !(await inc())) throw error;
    }
  }
  ctx.cache.forget('calendar:revision');
}
