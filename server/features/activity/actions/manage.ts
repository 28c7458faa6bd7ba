import { placingsProblem, resultsOpen, scheduleProblem } from '../../../../src/core/activity/rules';
import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { hasAnyRole } from '../../../../src/core/roles';
import { assertActive, itemsOf, loadActivity, phaseOf } from '../load';
import { applyItems, createItems, planItems, registrants } from '../items';
import { tellCancelled, tellChanged } from '../notices';
import { detail, signupOf } from '../views';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { closeSlot } from '../../signup';
import type { ActivityDoc } from '../collections';

/** Organizer actions: create, edit, cancel, results. */

const manager = (ctx: Ctx) => hasAnyRole(ctx.caller.roles, ['organizer']);

export async function activityCreate(
  input: ParsedInput<'activity.create'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.create'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  if (Date.parse(input.signupDeadline) <= now.getTime()) {
    throw new AppError('INVALID_INPUT', '报名截止时间应晚于现在', {
      fields: [{ field: 'signupDeadline', message: '报名截止时间应晚于现在' }],
    });
  }
  await assertCleanText(ctx, 'title', input.title);
  await assertCleanText(ctx, 'description', input.description);
  await assertCleanText(ctx, 'place', input.place);
  for (const item of input.items) await assertCleanText(ctx, 'items', item.name);
  const at = now.toISOString();
  const activity: ActivityDoc = {
    _id: newId(),
    title: input.title,
    kind: input.kind,
    description: input.description,
    place: input.place,
    startAt: input.startAt,
    endAt: input.endAt,
    signupDeadline: input.signupDeadline,
    maxItemsPerPerson: input.maxItemsPerPerson,
    status: 'active',
    cancelReason: null,
    cancelledAt: null,
    createdBy: me._id,
    createdByName: me.name,
    createdAt: at,
    updatedAt: at,
  };
  // Items and their seats first: an activity is never visible without them.
  await createItems(
    ctx.store,
    activity._id,
    input.items.map((item, order) => ({ input: item, order })),
    now,
  );
  await ctx.store.collection('activities').insert(activity);
  ctx.auditTarget(`activity:${activity._id}`);
  return { activity: await detail(ctx.store, activity, me._id, true, now) };
}

export async function activityUpdate(
  input: ParsedInput<'activity.update'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.update'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const current = await loadActivity(ctx, input.activityId);
  assertActive(current);
  const { activityId, items, ...fields } = input;
  const next: ActivityDoc = { ...current, ...fields, updatedAt: now.toISOString() };
  const problem = scheduleProblem(next);
  if (problem) throw new AppError('INVALID_INPUT', problem.message, { fields: [problem] });
  if (fields.title !== undefined) await assertCleanText(ctx, 'title', fields.title);
  if (fields.description !== undefined) await assertCleanText(ctx, 'description', fields.description);
  if (fields.place !== undefined) await assertCleanText(ctx, 'place', fields.place);
  for (const item of items ?? []) await assertCleanText(ctx, 'items', item.name);
  const existing = (await itemsOf(ctx.store, [activityId])).get(activityId) ?? [];
  // Every item change is checked before anything is written, so a refusal changes nothing.
  const plan = items ? await planItems(ctx.store, existing, items) : null;
  if (plan) await applyItems(ctx.store, next, plan, now);
  await ctx.store
    .collection('activities')
    .update({ _id: activityId }, { set: { ...fields, updatedAt: next.updatedAt } });
  const moved = (['startAt', 'endAt', 'place'] as const).some(
    (k) => fields[k] !== undefined && fields[k] !== current[k],
  );
  if (moved) await tellChanged(ctx.store, next, await registrants(ctx.store, existing), now);
  ctx.auditTarget(`activity:${activityId}`);
  return { activity: await detail(ctx.store, next, me._id, true, now) };
}

export async function activityCancel(
  input: ParsedInput<'activity.cancel'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.cancel'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  ctx.auditTarget(`activity:${activity._id}`);
  if (activity.status === 'cancelled')
    return { activity: await detail(ctx.store, activity, me._id, true, now), already: true };
  if (phaseOf(activity, now) === 'ended') throw ruleError('ended', '活动已结束，不能取消');
  await assertCleanText(ctx, 'reason', input.reason);
  const at = now.toISOString();
  const set = { status: 'cancelled' as const, cancelReason: input.reason, cancelledAt: at, updatedAt: at };
  const done = await ctx.store.collection('activities').update({ _id: activity._id, status: 'active' }, { set });
  const next = { ...activity, ...set };
  if (done !== 1) return { activity: await detail(ctx.store, next, me._id, true, now), already: true };
  const items = (await itemsOf(ctx.store, [activity._id])).get(activity._id) ?? [];
  for (const item of items) await closeSlot(ctx.store, item.slotId, now);
  await tellCancelled(ctx.store, next, input.reason, await registrants(ctx.store, items), now);
  return { activity: await detail(ctx.store, next, me._id, true, now) };
}

export async function activityResults(
  input: ParsedInput<'activity.results'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.results'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  assertActive(activity);
  if (!resultsOpen(activity, now)) throw ruleError('notStarted', '活动开始后才能录入名次');
  const problem = placingsProblem(input.placings);
  if (problem) throw new AppError('INVALID_INPUT', problem, { fields: [{ field: 'placings', message: problem }] });
  const entries = ctx.store.collection('activityEntries');
  for (const p of input.placings) {
    const entry = await entries.get(p.entryId);
    if (!entry || entry.activityId !== activity._id)
      throw new AppError('NOT_FOUND', '找不到要录入名次的报名', { entryId: p.entryId });
    const signup = await signupOf(ctx.store, entry);
    if (signup?.status !== 'confirmed') {
      throw ruleError(
        'notConfirmed',
        `「${entry.teamName ?? entry.members[0]?.name ?? ''}」不是正式报名，不能录入名次`,
        { entryId: p.entryId },
      );
    }
  }
  // The placings are the whole result list: places not named again are cleared.
  const at = now.toISOString();
  const keep = new Set(input.placings.map((p) => p.entryId));
  for (const old of await entries.find({ activityId: activity._id, place: { gte: 1 } }, { limit: 1000 })) {
    if (!keep.has(old._id)) await entries.update({ _id: old._id }, { set: { place: null, updatedAt: at } });
  }
  for (const p of input.placings) await entries.update({ _id: p.entryId }, { set: { place: p.place, updatedAt: at } });
  ctx.auditTarget(`activity:${activity._id}`);
  return { activity: await detail(ctx.store, activity, me._id, manager(ctx), now) };
}
