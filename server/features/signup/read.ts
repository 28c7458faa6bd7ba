import { MAX_LIMIT } from '../../store/port';
import type { SignupStore } from './ctx';
import type { SignupEntryDoc, SignupSlotDoc } from './collections';

/** Reads of slots and entries. None of them changes anything. */

export function liveKey(slotId: string, holderId: string): string {
  return `${slotId}|${holderId}`;
}

export function getSlot(store: SignupStore, slotId: string): Promise<SignupSlotDoc | null> {
  return store.collection('signupSlots').get(slotId);
}

/** Slots by id, for lists (one query). */
export async function slotsByIds(store: SignupStore, slotIds: readonly string[]): Promise<Map<string, SignupSlotDoc>> {
  const out = new Map<string, SignupSlotDoc>();
  for (let i = 0; i < slotIds.length; i += MAX_LIMIT) {
    const ids = slotIds.slice(i, i + MAX_LIMIT);
    for (const slot of await store.collection('signupSlots').find({ _id: { in: ids } }, { limit: MAX_LIMIT })) {
      out.set(slot._id, slot);
    }
  }
  return out;
}

/** The holder's entry that is not cancelled (pending, confirmed or waitlisted), if any. */
export async function liveEntry(store: SignupStore, slotId: string, holderId: string): Promise<SignupEntryDoc | null> {
  const [entry] = await store.collection('signupEntries').find({ live: liveKey(slotId, holderId) }, { limit: 1 });
  return entry ?? null;
}

/** The holder's most recent entry, cancelled or not. */
export async function latestEntry(
  store: SignupStore,
  slotId: string,
  holderId: string,
): Promise<SignupEntryDoc | null> {
  const [entry] = await store
    .collection('signupEntries')
    .find({ slotId, holderId }, { sort: { createdAt: -1 }, limit: 1 });
  return entry ?? null;
}

/** A holder's entries in a scope, newest first (e.g. "my volunteer sign-ups"). */
export function entriesOfHolder(
  store: SignupStore,
  scope: string,
  holderId: string,
  limit = 100,
): Promise<SignupEntryDoc[]> {
  return store.collection('signupEntries').find({ holderId, scope }, { sort: { createdAt: -1 }, limit });
}

/**
 * A waitlisted entry's place: 1 + the entries still waiting with a lower ticket. Tickets are handed
 * out in the same transaction that makes an entry waitlisted, so every lower ticket that still waits
 * is visible here: places are dense (1..N) and only ever move forward.
 */
export async function positionOf(store: SignupStore, entry: SignupEntryDoc): Promise<number | undefined> {
  if (entry.status !== 'waitlisted' || entry.ticket === null) return undefined;
  const ahead = await store
    .collection('signupEntries')
    .count({ slotId: entry.slotId, status: 'waitlisted', ticket: { lt: entry.ticket } });
  return ahead + 1;
}

/** Every entry of a slot (all statuses), in pages so that no single read passes the port's limit. */
export async function allEntries(store: SignupStore, slotId: string): Promise<SignupEntryDoc[]> {
  const out: SignupEntryDoc[] = [];
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await store.collection('signupEntries').find({ slotId }, { sort: { _id: 1 }, skip, limit: MAX_LIMIT });
    out.push(...page);
    if (page.length < MAX_LIMIT) return out;
  }
}

/** Places of the waitlisted entries of one slot's full list (pure): entry id → 1-based place. */
export function waitlistPositions(entries: readonly SignupEntryDoc[]): Map<string, number> {
  const waiting = entries
    .filter((e) => e.status === 'waitlisted' && e.ticket !== null)
    .sort((a, b) => (a.ticket ?? 0) - (b.ticket ?? 0));
  return new Map(waiting.map((e, i) => [e._id, i + 1]));
}
