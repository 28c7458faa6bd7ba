import { teamComplete } from '../../../../src/core/activity/rules';
import { ACTIVITY_PAGE_SIZE } from '../../../../src/core/activity/contract';
import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import type { RosterEntry } from '../../../../src/core/activity/views';
import { AppError } from '../../../../src/core/errors';
import { hasAnyRole } from '../../../../src/core/roles';
import { itemsOf, loadActivity } from '../load';
import { activitiesOf } from '../membership';
import { detail, entryStatus, itemView, memberViews, summaries } from '../views';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { allEntries, slotsByIds, waitlistPositions } from '../../signup';
import { type Filter, MAX_LIMIT } from '../../../store/port';
import type { ActivityStore } from '../ctx';
import type { ActivityDoc, ActivityEntryDoc, ActivityItemDoc } from '../collections';

/** Lists, the activity page and the organizer's roster. */

const canManage = (ctx: Ctx) => hasAnyRole(ctx.caller.roles, ['organizer']);

export async function activityList(
  input: ParsedInput<'activity.list'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.list'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const status = input.status ?? 'open';
  const page = input.page ?? 1;
  const skip = (page - 1) * ACTIVITY_PAGE_SIZE;
  const limit = ACTIVITY_PAGE_SIZE + 1;
  const acts = ctx.store.collection('activities');
  const kind: Filter<ActivityDoc> = input.kind ? { kind: input.kind } : {};
  let docs: ActivityDoc[];
  if (status === 'open') {
    docs = await acts.find(
      { ...kind, status: 'active', endAt: { gt: now.toISOString() } },
      { sort: { startAt: 1 }, skip, limit },
    );
  } else if (status === 'past') {
    docs = await acts.find(
      { ...kind, status: 'active', endAt: { lte: now.toISOString() } },
      { sort: { endAt: -1 }, skip, limit },
    );
  } else if (status === 'manage') {
    if (!canManage(ctx)) throw new AppError('FORBIDDEN', '没有权限进行此操作');
    docs = await acts.find(kind, { sort: { startAt: -1 }, skip, limit });
  } else {
    const ids = await activitiesOf(ctx.store, me._id);
    const mine = ids.length === 0 ? [] : await acts.find({ ...kind, _id: { in: ids } }, { limit: MAX_LIMIT });
    docs = mine.sort((a, b) => b.startAt.localeCompare(a.startAt)).slice(skip, skip + limit);
  }
  const items = await summaries(ctx.store, docs.slice(0, ACTIVITY_PAGE_SIZE), me._id, now);
  return { items, page, pageSize: ACTIVITY_PAGE_SIZE, hasMore: docs.length > ACTIVITY_PAGE_SIZE };
}

export async function activityGet(input: ParsedInput<'activity.get'>, ctx: Ctx): Promise<ActionOutput<'activity.get'>> {
  const me = member(ctx);
  const activity = await loadActivity(ctx, input.activityId);
  return detail(ctx.store, activity, me._id, canManage(ctx), ctx.clock.now());
}

export async function activityRoster(
  input: ParsedInput<'activity.roster'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.roster'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  const [summary] = await summaries(ctx.store, [activity], me._id, now);
  const items = (await itemsOf(ctx.store, [activity._id])).get(activity._id) ?? [];
  const slots = await slotsByIds(
    ctx.store,
    items.map((i) => i.slotId),
  );
  const out: ActionOutput<'activity.roster'>['items'] = [];
  for (const item of items) {
    out.push({ item: itemView(item, slots.get(item.slotId)), entries: await rosterOf(ctx.store, item) });
  }
  return { activity: summary, items: out };
}

/** An item's confirmed entries in the order they got their seat, then the waitlist in its order. */
async function rosterOf(store: ActivityStore, item: ActivityItemDoc): Promise<RosterEntry[]> {
  const signups = await allEntries(store, item.slotId);
  const byHolder = new Map(signups.map((s) => [s.holderId, s]));
  const positions = waitlistPositions(signups);
  const rows: (RosterEntry & { order: string })[] = [];
  for (const entry of await entriesOf(store, item)) {
    const signup = byHolder.get(entry._id);
    const status = entryStatus(signup);
    if (status === 'cancelled' || entry.withdrawnAt !== null) continue;
    const position = signup ? positions.get(signup._id) : undefined;
    const row: RosterEntry & { order: string } = {
      entryId: entry._id,
      status,
      members: memberViews(entry),
      complete: teamComplete(item, entry.members.length),
      registeredAt: entry.createdAt,
      order:
        status === 'confirmed'
          ? `0${signup?.confirmedAt ?? entry.createdAt}`
          : `1${String(position ?? 0).padStart(8, '0')}`,
    };
    if (position !== undefined) row.position = position;
    if (entry.teamName !== null) row.teamName = entry.teamName;
    if (entry.place !== null) row.place = entry.place;
    rows.push(row);
  }
  return rows.sort((a, b) => a.order.localeCompare(b.order)).map(({ order: _order, ...row }) => row);
}

async function entriesOf(store: ActivityStore, item: ActivityItemDoc): Promise<ActivityEntryDoc[]> {
  const out: ActivityEntryDoc[] = [];
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await store
      .collection('activityEntries')
      .find({ activityId: item.activityId, itemId: item._id }, { sort: { _id: 1 }, skip, limit: MAX_LIMIT });
    out.push(...page);
    if (page.length < MAX_LIMIT) return out;
  }
}
