/**
 * Sign-up with seats, waitlist and promotion — shared by volunteer events and activity items.
 *
 * A *slot* is one capacity (a volunteer event; an activity's item). A *holder* signs up to it: a
 * person (holderId = staff id) or a team (holderId = the feature's team id, `members` = its staff).
 * Documents: `signupSlots` and `signupEntries` (collections.ts); features keep
 * their own documents beside them and never write these two directly.
 *
 * API (all take the store; times come from the caller's clock):
 * - `openSlot(store, { slotId, scope, capacity, now })` → the slot (idempotent). Pick a stable id,
 *   e.g. `volunteer:<eventId>`, `activity:<activityId>:<itemId>`.
 * - `signUp(store, { slotId, scope, holderId, members, now }, hooks)` →
 *   `{ entry, status: 'confirmed' | 'waitlisted', position?, already }`. Repeating it returns the
 *   live entry with `already`. RULE `closed` if the slot was closed. The feature checks its own rules
 *   (deadline, phase, quotas) before calling.
 * - `withdraw(store, { slotId, holderId, by, now }, hooks)` → `{ entry, was, already }`: a status
 *   change to `cancelled` (never a delete); a confirmed seat goes to the first waiter at once.
 *   RULE `notSignedUp` if the holder never signed up; a repeat answers `already`.
 * - `setCapacity(store, slotId, capacity, now, hooks)` → the slot; RULE `capacityBelowConfirmed`
 *   (nothing changes) when below the confirmed count; raising it promotes waiters.
 * - `closeSlot(store, slotId, now)`: no more sign-ups or promotions (event cancelled). Entries keep
 *   their status; the feature notifies the people (`allEntries`).
 * - `setMembers(store, { slotId, holderId, members })` → whether the holder had a live entry: replaces
 *   who hears about it (a team whose members changed while it holds a seat or waits), so that a later
 *   promotion notice reaches the team as it is then. Seats, status and place are untouched.
 * - `settle(store, slotId, now, hooks)`: gives free seats to waiters; the functions above call it.
 * - Reads: `getSlot`, `slotsByIds`, `liveEntry`, `latestEntry`, `entriesOfHolder`, `allEntries`,
 *   `positionOf(store, entry)` (1-based place while waitlisted), `waitlistPositions(entries)` (pure).
 * - `hooks.promoted(entry)` → the inbox notice (kind, title, body, link) each member of a promoted
 *   entry gets; it is written in the same transaction as the promotion.
 *
 * Guarantees, under any concurrency, on SQLite and on CloudBase:
 * - seats are never exceeded, and `seatsLeft + confirmed = capacity` at every instant: the counters
 *   and the entry's status change together in one transaction on the slot document, and the seat
 *   itself is taken with a conditional `inc` (`seatsLeft > 0`);
 * - a newcomer never jumps the queue: a seat is taken directly only while nobody waits
 *   (`waiting = 0` is part of the condition); a freed seat goes to the lowest ticket still waiting;
 * - waitlist places are dense (1..N) and stable: a waiter's ticket is handed out in the same
 *   transaction that makes it waitlisted, and its place is 1 + the waiters with a lower ticket, so a
 *   place never moves backwards and only moves forward when someone ahead leaves;
 * - one live entry per holder and slot (unique key `live`), so a double submission is one entry.
 *
 * Transactions touch single documents by id only (the slot, the entry, new inbox notices), which is
 * what CloudBase transactions allow; every query runs outside them. A transaction the store fails
 * (two CloudBase containers on one slot) is tried again (tx.ts): each one re-reads what it decides on.
 */
import { defineFeature } from '../../kernel/feature';
import { SIGNUP_COLLECTIONS } from './collections';

/** No actions of its own: volunteer events and activity items call the engine below. */
export const signup = defineFeature({ name: 'signup', collections: SIGNUP_COLLECTIONS, handlers: {} });

export {
  signUp,
  withdraw,
  type SignUpRequest,
  type SignUpResult,
  type WithdrawRequest,
  type WithdrawResult,
} from './entries';
export { settle, type NoticeText, type SignupHooks } from './promote';
export {
  allEntries,
  entriesOfHolder,
  getSlot,
  latestEntry,
  liveEntry,
  liveKey,
  positionOf,
  slotsByIds,
  waitlistPositions,
} from './read';
export { closeSlot, openSlot, setCapacity, type OpenSlotRequest } from './slots';
export { setMembers, type SetMembersRequest } from './members';
export type { SignupCollections, SignupEntryDoc, SignupEntryStatus, SignupSlotDoc } from './collections';
