import { activityPhase, signupOpen } from '../../../src/core/activity/rules';
import { AppError, ruleError } from '../../../src/core/errors';
import type { ActivityStore, Ctx } from './ctx';
import type { ActivityDoc, ActivityItemDoc, ActivityMemberDoc } from './collections';
import { MAX_LIMIT } from '../../store/port';

/** Loading and guarding activities, items and memberships: what every handler starts with. */

export const SCOPE = 'activity';

export function slotIdOf(activityId: string, itemId: string): string {
  return `activity:${activityId}:${itemId}`;
}

export function memberKey(activityId: string, itemId: string, staffId: string): string {
  return `${activityId}|${itemId}|${staffId}`;
}

export function activityLink(activityId: string): string {
  return `/subpackages/activity/detail/index?id=${activityId}`;
}

export async function loadActivity(ctx: Ctx, activityId: string): Promise<ActivityDoc> {
  const doc = await ctx.store.collection('activities').get(activityId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该活动');
  return doc;
}

export function assertActive(activity: ActivityDoc): void {
  if (activity.status === 'cancelled') throw ruleError('cancelled', '该活动已取消');
}

/** Registering, withdrawing, leaving and adding members end at the sign-up deadline. */
export function assertSignupOpen(activity: ActivityDoc, now: Date): void {
  assertActive(activity);
  if (!signupOpen(activity, now)) throw ruleError('deadline', '报名已截止');
}

export async function loadItem(ctx: Ctx, activity: ActivityDoc, itemId: string): Promise<ActivityItemDoc> {
  const item = await ctx.store.collection('activityItems').get(itemId);
  if (!item || item.activityId !== activity._id || item.removed) throw new AppError('NOT_FOUND', '找不到该项目');
  return item;
}

/** The items of some activities, in their order (one query). */
export async function itemsOf(
  store: ActivityStore,
  activityIds: readonly string[],
): Promise<Map<string, ActivityItemDoc[]>> {
  const out = new Map<string, ActivityItemDoc[]>(activityIds.map((id) => [id, []]));
  if (activityIds.length === 0) return out;
  const docs = await store
    .collection('activityItems')
    .find({ activityId: { in: [...activityIds] }, removed: false }, { sort: { order: 1 }, limit: MAX_LIMIT });
  for (const doc of docs) out.get(doc.activityId)?.push(doc);
  return out;
}

/** The caller's current place in an item, if any. */
export async function liveMembership(
  store: ActivityStore,
  activityId: string,
  itemId: string,
  staffId: string,
): Promise<ActivityMemberDoc | null> {
  const [doc] = await store
    .collection('activityMembers')
    .find({ live: memberKey(activityId, itemId, staffId) }, { limit: 1 });
  return doc ?? null;
}

/** The person's most recent membership of an item (ended or not): answers repeated withdrawals. */
export async function latestMembership(
  store: ActivityStore,
  itemId: string,
  staffId: string,
): Promise<ActivityMemberDoc | null> {
  const [doc] = await store
    .collection('activityMembers')
    .find({ itemId, staffId }, { sort: { joinedAt: -1 }, limit: 1 });
  return doc ?? null;
}

export function phaseOf(activity: ActivityDoc, now: Date) {
  return activityPhase({ ...activity, cancelled: activity.status === 'cancelled' }, now);
}
