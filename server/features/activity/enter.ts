import type { ActivityStore } from './ctx';
import { newId } from '../../kernel/ids';
import { signUp, type SignUpResult } from '../signup';
import type { ActivityDoc, ActivityItemDoc, EntryMemberSnapshot } from './collections';
import type { StaffDoc } from '../../kernel/member';
import { SCOPE } from './load';
import { claimPlaces, releasePlaces } from './membership';
import { promotionHooks } from './notices';

export interface EnterRequest {
  activity: ActivityDoc;
  item: ActivityItemDoc;
  /** The captain (or the individual) first, then the other members. */
  people: readonly StaffDoc[];
  callerId: string;
  teamName: string | null;
  now: Date;
}

export const snapshot = (s: StaffDoc): EntryMemberSnapshot => ({
  staffId: s._id,
  staffNo: s.staffNo,
  name: s.name,
  department: s.department,
});

/**
 * Creates one entry after the caller's checks: each person's place in the item and quota first (a
 * clash or a full quota refuses here, leaving nothing), then the entry, then its seat or waitlist
 * place from the shared sign-up machinery.
 */
export async function enter(
  store: ActivityStore,
  req: EnterRequest,
): Promise<{ entryId: string; result: SignUpResult }> {
  const { activity, item, people, now } = req;
  const entryId = newId();
  const captainId = people[0]._id;
  const claim = {
    activityId: activity._id,
    itemId: item._id,
    entryId,
    captainId,
    callerId: req.callerId,
    maxItemsPerPerson: activity.maxItemsPerPerson,
    now,
  };
  const memberships = await claimPlaces(store, claim, people);
  const at = now.toISOString();
  let result: SignUpResult;
  try {
    await store.collection('activityEntries').insert({
      _id: entryId,
      activityId: activity._id,
      itemId: item._id,
      mode: item.mode,
      captainId,
      teamName: req.teamName,
      members: people.map(snapshot),
      signupEntryId: null,
      withdrawnAt: null,
      place: null,
      createdAt: at,
      updatedAt: at,
    });
    result = await signUp(
      store,
      { slotId: item.slotId, scope: SCOPE, holderId: entryId, members: people.map((p) => p._id), now },
      promotionHooks(activity, item),
    );
  } catch (error) {
    // Nothing was registered (the item closed meanwhile, or the store failed): give everything back.
    await store.collection('activityEntries').remove({ _id: entryId });
    await releasePlaces(
      store,
      activity._id,
      memberships,
      people.map((p) => p._id),
      at,
      true,
    );
    throw error;
  }
  await store.collection('activityEntries').update({ _id: entryId }, { set: { signupEntryId: result.entry._id } });
  return { entryId, result };
}
