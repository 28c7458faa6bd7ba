import { teamComplete, type TeamBounds } from '../../../src/core/activity/rules';
import type {
  ActivityDetail,
  ActivityItemView,
  ActivitySummary,
  EntryStatus,
  ItemResult,
  MyEntryView,
  TeamMemberView,
} from '../../../src/core/activity/views';
import type { ActivityStore } from './ctx';
import { latestEntry, positionOf, slotsByIds } from '../signup';
import type { ActivityDoc, ActivityEntryDoc, ActivityItemDoc } from './collections';
import type { SignupEntryDoc, SignupSlotDoc } from '../signup';
import { MAX_LIMIT } from '../../store/port';
import { itemsOf, phaseOf, slotIdOf } from './load';
import { itemCounts } from './membership';

/** Documents → what the activity actions answer. Reads only; one query per kind of document. */

export function itemView(item: ActivityItemDoc, slot: SignupSlotDoc | undefined): ActivityItemView {
  const view: ActivityItemView = {
    id: item._id,
    name: item.name,
    mode: item.mode,
    capacity: slot?.capacity ?? item.capacity,
    confirmed: slot?.confirmed ?? 0,
    waitlisted: slot?.waiting ?? 0,
    seatsLeft: slot?.seatsLeft ?? item.capacity,
  };
  if (item.teamMin !== null) view.teamMin = item.teamMin;
  if (item.teamMax !== null) view.teamMax = item.teamMax;
  if (item.gender) view.gender = item.gender;
  return view;
}

export function entryStatus(entry: SignupEntryDoc | undefined | null): EntryStatus {
  if (!entry) return 'waitlisted';
  // `pending` lasts a moment (or until the next call decides it): it holds no seat yet.
  return entry.status === 'pending' ? 'waitlisted' : entry.status;
}

export function memberViews(entry: ActivityEntryDoc): TeamMemberView[] {
  return entry.members.map((m) => ({ ...m, captain: m.staffId === entry.captainId }));
}

/** Summaries of several activities with their items' seats and the caller's item count. */
export async function summaries(
  store: ActivityStore,
  activities: readonly ActivityDoc[],
  staffId: string,
  now: Date,
): Promise<ActivitySummary[]> {
  const ids = activities.map((a) => a._id);
  const items = await itemsOf(store, ids);
  const slots = await slotsByIds(
    store,
    [...items.values()].flat().map((i) => i.slotId),
  );
  const counts = await itemCounts(store, staffId, ids);
  return activities.map((a) =>
    summaryOf(
      a,
      (items.get(a._id) ?? []).map((i) => itemView(i, slots.get(i.slotId))),
      counts.get(a._id) ?? 0,
      now,
    ),
  );
}

function summaryOf(a: ActivityDoc, items: ActivityItemView[], myItemCount: number, now: Date): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    kind: a.kind,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    signupDeadline: a.signupDeadline,
    phase: phaseOf(a, now),
    maxItemsPerPerson: a.maxItemsPerPerson,
    items,
    myItemCount,
  };
}

export async function detail(
  store: ActivityStore,
  a: ActivityDoc,
  staffId: string,
  canManage: boolean,
  now: Date,
): Promise<ActivityDetail> {
  const [summary] = await summaries(store, [a], staffId, now);
  const results = await resultsOf(store, a._id);
  const view: ActivityDetail = {
    ...summary,
    description: a.description,
    organizerName: a.createdByName,
    items: summary.items.map((i) => ({ ...i, results: results.get(i.id) ?? [] })),
    mine: await myEntries(store, a._id, staffId, summary.items),
    canManage,
  };
  if (a.cancelReason) view.cancelReason = a.cancelReason;
  return view;
}

async function resultsOf(store: ActivityStore, activityId: string): Promise<Map<string, ItemResult[]>> {
  const placed = await store
    .collection('activityEntries')
    .find({ activityId, place: { gte: 1 } }, { sort: { place: 1 }, limit: MAX_LIMIT });
  const out = new Map<string, ItemResult[]>();
  for (const e of placed) {
    const list = out.get(e.itemId) ?? [];
    list.push({
      entryId: e._id,
      place: e.place ?? 0,
      label: e.teamName ?? e.members[0]?.name ?? '',
      members: e.members.map((m) => m.name),
    });
    out.set(e.itemId, list);
  }
  return out;
}

/** The caller's live entries in an activity, one per item at most. */
async function myEntries(
  store: ActivityStore,
  activityId: string,
  staffId: string,
  items: readonly ActivityItemView[],
): Promise<MyEntryView[]> {
  const memberships = await store
    .collection('activityMembers')
    .find({ activityId, staffId, state: 'active' }, { limit: 100 });
  const out: MyEntryView[] = [];
  for (const m of memberships) {
    const entry = await store.collection('activityEntries').get(m.entryId);
    const item = items.find((i) => i.id === m.itemId);
    if (!entry || !item) continue;
    out.push(await myEntryView(store, entry, item, staffId));
  }
  return out;
}

export async function myEntryView(
  store: ActivityStore,
  entry: ActivityEntryDoc,
  item: TeamBounds,
  staffId: string,
): Promise<MyEntryView> {
  const signup = await signupOf(store, entry);
  const view: MyEntryView = {
    entryId: entry._id,
    itemId: entry.itemId,
    status: entryStatus(signup),
    captain: entry.captainId === staffId,
  };
  const position = signup ? await positionOf(store, signup) : undefined;
  if (position !== undefined) view.position = position;
  if (entry.teamName !== null) {
    view.team = {
      name: entry.teamName,
      members: memberViews(entry),
      complete: teamComplete(item, entry.members.length),
    };
  }
  if (entry.place !== null) view.place = entry.place;
  return view;
}

/** The sign-up entry holding an activity entry's seat (found by holder while its id is not yet noted). */
export async function signupOf(store: ActivityStore, entry: ActivityEntryDoc): Promise<SignupEntryDoc | null> {
  if (entry.signupEntryId) return store.collection('signupEntries').get(entry.signupEntryId);
  return latestEntry(store, slotIdOf(entry.activityId, entry.itemId), entry._id);
}
