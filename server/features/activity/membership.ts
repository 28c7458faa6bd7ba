import { itemLimitMessage } from '../../../src/core/activity/rules';
import { AppError, ruleError } from '../../../src/core/errors';
import type { ActivityStore } from './ctx';
import { newId } from '../../kernel/ids';
import { isDuplicate } from '../../store/port';
import type { ActivityMemberDoc } from './collections';
import type { StaffDoc } from '../../kernel/member';
import { memberKey } from './load';

/**
 * People's places in items, and the per-person item count. Both are claimed before an entry exists
 * and given back if anything after them fails, so that a refused registration leaves nothing behind.
 */

export interface Claim {
  activityId: string;
  itemId: string;
  entryId: string;
  captainId: string;
  /** Who asks: refusals about them say "您". */
  callerId: string;
  maxItemsPerPerson: number;
  now: Date;
}

/**
 * Claims each person's place in the item, then one item of each person's quota. The unique `live`
 * key makes the first claim win when two captains name the same person at once; the conditional
 * `inc` on the quota keeps the per-person limit. On any refusal everything claimed is given back.
 * Resolves to the memberships created (for a rollback by the caller if a later step fails).
 */
export async function claimPlaces(
  store: ActivityStore,
  claim: Claim,
  people: readonly StaffDoc[],
): Promise<ActivityMemberDoc[]> {
  const inserted: ActivityMemberDoc[] = [];
  const counted: string[] = [];
  const at = claim.now.toISOString();
  try {
    for (const person of people) {
      const self = person._id === claim.callerId;
      const doc: ActivityMemberDoc = {
        _id: newId(),
        activityId: claim.activityId,
        itemId: claim.itemId,
        staffId: person._id,
        entryId: claim.entryId,
        captain: person._id === claim.captainId,
        live: memberKey(claim.activityId, claim.itemId, person._id),
        state: 'active',
        joinedAt: at,
        endedAt: null,
      };
      try {
        inserted.push(await store.collection('activityMembers').insert(doc));
      } catch (error) {
        if (!isDuplicate(error)) throw error;
        const message = self ? '您已报名该项目（或已在其中一支队伍中）' : `${person.name}已在本项目的另一支队伍中`;
        throw new AppError('CONFLICT', message, { staffId: person._id });
      }
    }
    for (const person of people) {
      if (!(await takeQuota(store, claim.activityId, person._id, claim.maxItemsPerPerson, at))) {
        throw ruleError(
          'itemLimit',
          itemLimitMessage(person._id === claim.callerId ? null : person.name, claim.maxItemsPerPerson),
          {
            staffId: person._id,
          },
        );
      }
      counted.push(person._id);
    }
    return inserted;
  } catch (error) {
    await releasePlaces(store, claim.activityId, inserted, counted, at, true);
    throw error;
  }
}

/**
 * Ends memberships and gives back their quota. A rollback removes the never-used documents; an
 * ordinary end keeps them with their state, as history, and gives back a quota item only with the
 * end that actually happened (one transaction on the two documents): a repeated or concurrent end
 * gives back nothing more, and a crash cannot end a membership and keep its item.
 */
export async function releasePlaces(
  store: ActivityStore,
  activityId: string,
  memberships: readonly ActivityMemberDoc[],
  quotaStaffIds: readonly string[],
  at: string,
  rollback = false,
  state: 'left' | 'withdrawn' = 'withdrawn',
): Promise<void> {
  const giveBack = (s: ActivityStore, staffId: string) =>
    s
      .collection('activityQuotas')
      .update({ _id: quotaId(activityId, staffId), items: { gt: 0 } }, { inc: { items: -1 }, set: { updatedAt: at } });
  if (!rollback) {
    for (const m of memberships) {
      await store.transaction(async (tx) => {
        const ended = await tx
          .collection('activityMembers')
          .update({ _id: m._id, state: 'active' }, { set: { live: null, state, endedAt: at } });
        if (ended === 1 && quotaStaffIds.includes(m.staffId)) await giveBack(tx, m.staffId);
      });
    }
    return;
  }
  for (const m of memberships) await store.collection('activityMembers').remove({ _id: m._id });
  for (const staffId of quotaStaffIds) await giveBack(store, staffId);
}

function quotaId(activityId: string, staffId: string): string {
  return `${activityId}:${staffId}`;
}

/** One more item for a person, if under the limit. Conditional `inc`; the first use creates the counter. */
async function takeQuota(
  store: ActivityStore,
  activityId: string,
  staffId: string,
  max: number,
  at: string,
): Promise<boolean> {
  const quotas = store.collection('activityQuotas');
  const _id = quotaId(activityId, staffId);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await quotas.update({ _id, items: { lt: max } }, { inc: { items: 1 }, set: { updatedAt: at } })) === 1)
      return true;
    if (await quotas.get(_id)) return false;
    if (max < 1) return false;
    try {
      await quotas.insert({ _id, activityId, staffId, items: 1, updatedAt: at });
      return true;
    } catch (error) {
      // Someone created it at the same moment: take it with the conditional update instead.
      if (!isDuplicate(error)) throw error;
    }
  }
  return false;
}

/** Item counts of a person per activity (for lists). */
export async function itemCounts(
  store: ActivityStore,
  staffId: string,
  activityIds: readonly string[],
): Promise<Map<string, number>> {
  if (activityIds.length === 0) return new Map();
  const docs = await store
    .collection('activityQuotas')
    .find({ _id: { in: activityIds.map((a) => quotaId(a, staffId)) } }, { limit: activityIds.length });
  return new Map(docs.map((d) => [d.activityId, d.items]));
}

/** The activities a person is in now (the "mine" list; the caller orders them). */
export async function activitiesOf(store: ActivityStore, staffId: string): Promise<string[]> {
  const docs = await store.collection('activityQuotas').find({ staffId, items: { gt: 0 } }, { limit: 1000 });
  return docs.map((d) => d.activityId);
}
