import type { ActivityItemInput } from '../../../src/core/activity/contract';
import { AppError, ruleError } from '../../../src/core/errors';
import type { ActivityStore } from './ctx';
import { newId } from '../../kernel/ids';
import { allEntries, closeSlot, openSlot, setCapacity, slotsByIds } from '../signup';
import { MAX_LIMIT } from '../../store/port';
import type { ActivityDoc, ActivityItemDoc } from './collections';
import type { SignupSlotDoc } from '../signup';
import { SCOPE, slotIdOf } from './load';
import { promotionHooks } from './notices';

/** An activity's items: creating them with their seats, and editing the list safely. */

function itemFields(input: ActivityItemInput, order: number) {
  return {
    order,
    name: input.name,
    mode: input.mode,
    teamMin: input.mode === 'team' ? (input.teamMin ?? null) : null,
    teamMax: input.mode === 'team' ? (input.teamMax ?? null) : null,
    capacity: input.capacity,
    gender: input.gender ?? null,
  };
}

/** Opens each item's sign-up slot, then stores the item. */
export async function createItems(
  store: ActivityStore,
  activityId: string,
  inputs: readonly { input: ActivityItemInput; order: number }[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const { input, order } of inputs) {
    const _id = newId();
    const slotId = slotIdOf(activityId, _id);
    await openSlot(store, { slotId, scope: SCOPE, capacity: input.capacity, now });
    await store.collection('activityItems').insert({
      _id,
      activityId,
      ...itemFields(input, order),
      slotId,
      removed: false,
      createdAt: at,
      updatedAt: at,
    });
  }
}

export interface ItemPlan {
  keep: { doc: ActivityItemDoc; input: ActivityItemInput; order: number }[];
  add: { input: ActivityItemInput; order: number }[];
  remove: ActivityItemDoc[];
}

const taken = (slot: SignupSlotDoc | undefined) => (slot ? slot.confirmed + slot.waiting : 0);

/** Checks a new item list against the current one; throws (changing nothing) if it cannot apply. */
export async function planItems(
  store: ActivityStore,
  existing: readonly ActivityItemDoc[],
  inputs: readonly ActivityItemInput[],
): Promise<ItemPlan> {
  const slots = await slotsByIds(
    store,
    existing.map((i) => i.slotId),
  );
  const plan: ItemPlan = { keep: [], add: [], remove: [] };
  for (const [order, input] of inputs.entries()) {
    if (!input.id) {
      plan.add.push({ input, order });
      continue;
    }
    const doc = existing.find((i) => i._id === input.id);
    if (!doc) throw new AppError('NOT_FOUND', `找不到项目「${input.name}」，请刷新后重试`);
    const slot = slots.get(doc.slotId);
    if (input.mode !== doc.mode && taken(slot) > 0)
      throw ruleError('itemHasEntries', `项目「${doc.name}」已有报名，不能改变个人/团体类型`);
    if (slot && input.capacity < slot.confirmed) {
      throw ruleError(
        'capacityBelowConfirmed',
        `项目「${doc.name}」已有 ${slot.confirmed} 个报名成功，名额不能少于 ${slot.confirmed}`,
      );
    }
    if (input.mode === 'team' && input.teamMax !== undefined && taken(slot) > 0) {
      const largest = await largestTeam(store, doc);
      if (largest > input.teamMax)
        throw ruleError('teamTooLarge', `项目「${doc.name}」已有 ${largest} 人的队伍，最多人数不能少于 ${largest}`);
    }
    plan.keep.push({ doc, input, order });
  }
  for (const doc of existing) {
    if (plan.keep.some((k) => k.doc._id === doc._id)) continue;
    if (taken(slots.get(doc.slotId)) > 0) throw ruleError('itemHasEntries', `项目「${doc.name}」已有报名，不能删除`);
    plan.remove.push(doc);
  }
  return plan;
}

async function largestTeam(store: ActivityStore, item: ActivityItemDoc): Promise<number> {
  const entries = await store
    .collection('activityEntries')
    .find({ activityId: item.activityId, itemId: item._id }, { limit: MAX_LIMIT });
  return entries.filter((e) => e.withdrawnAt === null).reduce((n, e) => Math.max(n, e.members.length), 0);
}

export async function applyItems(
  store: ActivityStore,
  activity: ActivityDoc,
  plan: ItemPlan,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (const { doc, input, order } of plan.keep) {
    // Raising a capacity promotes waiters at once (with their notice).
    if (input.capacity !== doc.capacity)
      await setCapacity(store, doc.slotId, input.capacity, now, promotionHooks(activity, { ...doc, name: input.name }));
    await store
      .collection('activityItems')
      .update({ _id: doc._id }, { set: { ...itemFields(input, order), updatedAt: at } });
  }
  for (const doc of plan.remove) {
    await closeSlot(store, doc.slotId, now);
    await store.collection('activityItems').update({ _id: doc._id }, { set: { removed: true, updatedAt: at } });
  }
  await createItems(store, activity._id, plan.add, now);
}

/** Everyone registered (confirmed or waiting) in some items: whom to tell about a change. */
export async function registrants(store: ActivityStore, items: readonly ActivityItemDoc[]): Promise<Set<string>> {
  const people = new Set<string>();
  for (const item of items) {
    for (const entry of await allEntries(store, item.slotId)) {
      if (entry.status === 'confirmed' || entry.status === 'waitlisted') entry.members.forEach((m) => people.add(m));
    }
  }
  return people;
}
