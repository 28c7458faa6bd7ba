import type { SignupStore } from './ctx';
import { type Notice, notify } from '../inbox';
import type { SignupEntryDoc } from './collections';
import { inTransaction } from './tx';

/** What a feature says to the members of an entry promoted from the waitlist. */
export type NoticeText = Omit<Notice, 'staffId'>;

export interface SignupHooks {
  /** The inbox notice for each member of a promoted entry; null or absent: no notice. */
  promoted?: (entry: SignupEntryDoc) => NoticeText | null;
}

/** Enough rounds for every seat of the largest slot, and then some: each round either promotes or sees someone else do it. */
const MAX_ROUNDS = 5000;

/**
 * Gives free seats to the waitlist, first ticket first, while both exist. Each promotion is one
 * transaction that takes the seat with a conditional `inc` on the slot, moves the entry from
 * waitlisted to confirmed (only if it still waits) and puts the notices, so a seat, a status and a
 * notice never come apart. Safe to run from any number of requests at once: a lost race only means
 * someone else promoted that entry, and the loop looks again. Resolves to the promoted entries.
 */
export async function settle(
  store: SignupStore,
  slotId: string,
  now: Date,
  hooks: SignupHooks = {},
): Promise<SignupEntryDoc[]> {
  const promoted: SignupEntryDoc[] = [];
  const at = now.toISOString();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const slot = await store.collection('signupSlots').get(slotId);
    if (!slot || slot.closed || slot.seatsLeft <= 0 || slot.waiting <= 0) return promoted;
    // New waiters always get higher tickets, so the lowest ticket waiting now stays the first in line.
    const [first] = await store
      .collection('signupEntries')
      .find({ slotId, status: 'waitlisted' }, { sort: { ticket: 1 }, limit: 1 });
    if (!first) return promoted;
    const done = await inTransaction(store, async (tx) => {
      const current = await tx.collection('signupEntries').get(first._id);
      if (!current || current.status !== 'waitlisted') return null;
      const took = await tx
        .collection('signupSlots')
        .update(
          { _id: slotId, closed: false, seatsLeft: { gt: 0 }, waiting: { gt: 0 } },
          { inc: { seatsLeft: -1, confirmed: 1, waiting: -1 }, set: { updatedAt: at } },
        );
      if (took !== 1) return null;
      const next: SignupEntryDoc = { ...current, status: 'confirmed', confirmedAt: at, promotedAt: at };
      await tx
        .collection('signupEntries')
        .update(
          { _id: current._id, status: 'waitlisted' },
          { set: { status: 'confirmed', confirmedAt: at, promotedAt: at } },
        );
      const text = hooks.promoted?.(next);
      if (text) for (const staffId of next.members) await notify(tx, { ...text, staffId }, now);
      return next;
    });
    if (done) promoted.push(done);
  }
  return promoted;
}
