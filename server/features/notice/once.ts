import type { Store } from '../../store/port';
import { isDuplicate } from '../../store/port';
import type { NoticeCollections } from './collections';

/**
 * Runs a job's step once for `key` (e.g. `honor:<roundId>:voteClosed`): the mark and what the step
 * writes commit together, so a trigger that fires twice, or two containers at once, do it once, and
 * a step that failed half-way leaves no mark and is done by the next run. Resolves to whether it ran.
 */
export async function once<S extends Store<NoticeCollections>>(
  store: S,
  key: string,
  now: Date,
  step: (tx: S) => Promise<void>,
): Promise<boolean> {
  if (await store.collection('jobMarks').get(key)) return false;
  try {
    await store.transaction(async (tx) => {
      await tx.collection('jobMarks').insert({ _id: key, at: now.toISOString() });
      // The transaction's store is the caller's store: the same collections.
      await step(tx as S);
    });
    return true;
  } catch (error) {
    if (isDuplicate(error)) return false;
    throw error;
  }
}
