import { AppError, ruleError } from '../../../src/core/errors';
import type { SignupStore } from './ctx';
import { newId } from '../../kernel/ids';
import { isDuplicate } from '../../store/port';
import type { SignupEntryDoc, SignupEntryStatus } from './collections';
import { type SignupHooks, settle } from './promote';
import { inTransaction } from './tx';
import { latestEntry, liveEntry, liveKey, positionOf } from './read';

export interface SignUpRequest {
  slotId: string;
  scope: string;
  /** A staff id, or a team id. */
  holderId: string;
  /** Staff ids told about this entry (the person, or the team's members). */
  members: string[];
  now: Date;
}

export interface SignUpResult {
  entry: SignupEntryDoc;
  status: 'confirmed' | 'waitlisted';
  /** 1-based place on the waitlist. */
  position?: number;
  /** The holder already had a live entry: nothing new was taken. */
  already: boolean;
}

/**
 * Signs a holder up: confirmed while seats remain and nobody waits, else waitlisted with the next
 * ticket. The entry is inserted first as `pending` (its unique `live` key turns a double submission
 * into one entry), then one transaction on the slot decides it. A `pending` entry found later (a
 * concurrent duplicate, or a crash in between) is simply decided by whoever finds it.
 * Throws RULE `closed` when the slot was closed.
 */
export async function signUp(store: SignupStore, req: SignUpRequest, hooks: SignupHooks = {}): Promise<SignUpResult> {
  let entry = await liveEntry(store, req.slotId, req.holderId);
  let already = entry !== null;
  if (!entry) {
    const doc: SignupEntryDoc = {
      _id: newId(),
      slotId: req.slotId,
      scope: req.scope,
      holderId: req.holderId,
      members: [...new Set(req.members)],
      status: 'pending',
      ticket: null,
      live: liveKey(req.slotId, req.holderId),
      createdAt: req.now.toISOString(),
      confirmedAt: null,
      promotedAt: null,
      cancelledAt: null,
      cancelledBy: null,
    };
    try {
      entry = await store.collection('signupEntries').insert(doc);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      entry = await liveEntry(store, req.slotId, req.holderId);
      already = true;
      if (!entry) throw new AppError('CONFLICT', '报名正在处理，请稍后刷新查看');
    }
  }
  if (entry.status === 'pending') {
    const decided = await allocate(store, entry._id, req.now);
    already = already || decided.already;
    entry = decided.entry;
  }
  if (entry.status === 'cancelled') throw ruleError('closed', '报名已关闭');
  if (entry.status === 'waitlisted') {
    // A seat may be free while people wait (capacity just raised): the queue is served first.
    await settle(store, req.slotId, req.now, hooks);
    entry = (await store.collection('signupEntries').get(entry._id)) ?? entry;
  }
  const status = entry.status === 'confirmed' ? 'confirmed' : 'waitlisted';
  const position = await positionOf(store, entry);
  return { entry, status, already, ...(position !== undefined ? { position } : {}) };
}

/** Decides a pending entry in one transaction on its slot; a decided one is returned as it is. */
async function allocate(
  store: SignupStore,
  entryId: string,
  now: Date,
): Promise<{ entry: SignupEntryDoc; already: boolean }> {
  const at = now.toISOString();
  return inTransaction(store, async (tx) => {
    const entries = tx.collection('signupEntries');
    const slots = tx.collection('signupSlots');
    const entry = await entries.get(entryId);
    if (!entry) throw new Error(`signup entry ${entryId} vanished`);
    if (entry.status !== 'pending') return { entry, already: true };
    const slot = await slots.get(entry.slotId);
    if (!slot || slot.closed) {
      const set = { status: 'cancelled' as const, live: null, cancelledAt: at };
      await entries.update({ _id: entryId, status: 'pending' }, { set });
      return { entry: { ...entry, ...set }, already: false };
    }
    // Nobody waiting is part of the condition: a newcomer never takes a seat ahead of the queue.
    const took = await slots.update(
      { _id: slot._id, closed: false, seatsLeft: { gt: 0 }, waiting: 0 },
      { inc: { seatsLeft: -1, confirmed: 1 }, set: { updatedAt: at } },
    );
    if (took === 1) {
      const set = { status: 'confirmed' as const, confirmedAt: at };
      await entries.update({ _id: entryId, status: 'pending' }, { set });
      return { entry: { ...entry, ...set }, already: false };
    }
    const ticket = slot.tickets + 1;
    await slots.update({ _id: slot._id }, { inc: { tickets: 1, waiting: 1 }, set: { updatedAt: at } });
    const set = { status: 'waitlisted' as const, ticket };
    await entries.update({ _id: entryId, status: 'pending' }, { set });
    return { entry: { ...entry, ...set }, already: false };
  });
}

export interface WithdrawRequest {
  slotId: string;
  holderId: string;
  /** Staff id of whoever cancels. */
  by: string;
  now: Date;
}

export interface WithdrawResult {
  entry: SignupEntryDoc;
  /** What the entry was before (for the feature's own follow-up). */
  was: SignupEntryStatus;
  already: boolean;
}

/**
 * Cancels the holder's live entry (a status change; the record stays). A confirmed seat goes back to
 * the slot and the first waiter gets it at once (with a notice); a waiter simply leaves the queue.
 * A second cancel answers the cancelled entry with `already`. Throws RULE `notSignedUp` for a holder
 * who never signed up.
 */
export async function withdraw(
  store: SignupStore,
  req: WithdrawRequest,
  hooks: SignupHooks = {},
): Promise<WithdrawResult> {
  let entry = await liveEntry(store, req.slotId, req.holderId);
  if (!entry) {
    const last = await latestEntry(store, req.slotId, req.holderId);
    if (last) return { entry: last, was: last.status, already: true };
    throw ruleError('notSignedUp', '您没有报名，无需取消');
  }
  // A pending entry holds nothing yet: decide it first so that the counters below stay exact.
  if (entry.status === 'pending') entry = (await allocate(store, entry._id, req.now)).entry;
  const at = req.now.toISOString();
  const target = entry;
  const result = await inTransaction(store, async (tx): Promise<WithdrawResult> => {
    const current = await tx.collection('signupEntries').get(target._id);
    if (!current || current.status === 'cancelled' || current.status === 'pending') {
      return { entry: current ?? target, was: current?.status ?? target.status, already: true };
    }
    const set = { status: 'cancelled' as const, live: null, cancelledAt: at, cancelledBy: req.by };
    await tx.collection('signupEntries').update({ _id: current._id, status: current.status }, { set });
    const inc = current.status === 'confirmed' ? { seatsLeft: 1, confirmed: -1 } : { waiting: -1 };
    await tx.collection('signupSlots').update({ _id: current.slotId }, { inc, set: { updatedAt: at } });
    return { entry: { ...current, ...set }, was: current.status, already: false };
  });
  if (!result.already && result.was === 'confirmed') await settle(store, req.slotId, req.now, hooks);
  return result;
}
