import { ruleError } from '../../../src/core/errors';
import type { SignupStore } from './ctx';
import { isDuplicate } from '../../store/port';
import type { SignupSlotDoc } from './collections';
import { type SignupHooks, settle } from './promote';
import { inTransaction } from './tx';

export interface OpenSlotRequest {
  slotId: string;
  scope: string;
  capacity: number;
  now: Date;
}

/** Creates a slot with all seats free; opening an existing slot returns it unchanged. */
export async function openSlot(store: SignupStore, req: OpenSlotRequest): Promise<SignupSlotDoc> {
  if (!Number.isInteger(req.capacity) || req.capacity < 0) throw new Error(`invalid capacity ${req.capacity}`);
  const at = req.now.toISOString();
  const doc: SignupSlotDoc = {
    _id: req.slotId,
    scope: req.scope,
    capacity: req.capacity,
    seatsLeft: req.capacity,
    confirmed: 0,
    waiting: 0,
    tickets: 0,
    closed: false,
    createdAt: at,
    updatedAt: at,
  };
  try {
    return await store.collection('signupSlots').insert(doc);
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    const existing = await store.collection('signupSlots').get(req.slotId);
    if (!existing) throw error;
    return existing;
  }
}

/**
 * Changes the capacity. Lowering it below the confirmed count is refused (RULE
 * `capacityBelowConfirmed`, nothing changes): confirmed people are never dropped by an edit.
 * Raising it promotes waiters at once.
 */
export async function setCapacity(
  store: SignupStore,
  slotId: string,
  capacity: number,
  now: Date,
  hooks: SignupHooks = {},
): Promise<SignupSlotDoc> {
  if (!Number.isInteger(capacity) || capacity < 0) throw new Error(`invalid capacity ${capacity}`);
  const at = now.toISOString();
  const slot = await inTransaction(store, async (tx) => {
    const current = await tx.collection('signupSlots').get(slotId);
    if (!current) throw new Error(`signup slot ${slotId} is missing`);
    if (capacity < current.confirmed) {
      throw ruleError(
        'capacityBelowConfirmed',
        `已有 ${current.confirmed} 人报名成功，名额不能少于 ${current.confirmed}`,
        {
          confirmed: current.confirmed,
        },
      );
    }
    const set = { capacity, seatsLeft: capacity - current.confirmed, updatedAt: at };
    // Pinned to the confirmed count read above, so a seat taken meanwhile cannot be lost.
    await tx.collection('signupSlots').update({ _id: slotId, confirmed: current.confirmed }, { set });
    return { ...current, ...set };
  });
  if (slot.seatsLeft > 0 && slot.waiting > 0) await settle(store, slotId, now, hooks);
  return (await store.collection('signupSlots').get(slotId)) ?? slot;
}

/** No more sign-ups or promotions; entries keep their status (the feature tells the people). */
export async function closeSlot(store: SignupStore, slotId: string, now: Date): Promise<void> {
  await store
    .collection('signupSlots')
    .update({ _id: slotId }, { set: { closed: true, updatedAt: now.toISOString() } });
}
