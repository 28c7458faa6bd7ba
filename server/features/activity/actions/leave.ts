import { entrySize } from '../../../../src/core/activity/rules';
import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { assertSignupOpen, latestMembership, liveMembership, loadActivity, loadItem } from '../load';
import { releasePlaces } from '../membership';
import { promotionHooks, tellCaptainLeft, tellWithdrawn } from '../notices';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { setMembers, withdraw } from '../../signup';

/** Withdrawing a registration (the person, or the team's captain) and leaving a team (a member). */

export async function activityWithdraw(
  input: ParsedInput<'activity.withdraw'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.withdraw'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  const item = await loadItem(ctx, activity, input.itemId);
  const mine = await liveMembership(ctx.store, activity._id, item._id, me._id);
  if (!mine) {
    const last = await latestMembership(ctx.store, item._id, me._id);
    if (last?.captain && last.state === 'withdrawn') return { status: 'cancelled', already: true };
    throw ruleError('notSignedUp', '您没有报名该项目');
  }
  if (!mine.captain) throw new AppError('FORBIDDEN', '只有队长可以撤销队伍报名；队员可以退出队伍');
  assertSignupOpen(activity, now);

  await withdraw(
    ctx.store,
    { slotId: item.slotId, holderId: mine.entryId, by: me._id, now },
    promotionHooks(activity, item),
  );
  const at = now.toISOString();
  const entries = ctx.store.collection('activityEntries');
  // Only the request that marks the entry withdrawn tells the team: a repeated or concurrent one does not again.
  const first =
    (await entries.update({ _id: mine.entryId, withdrawnAt: null }, { set: { withdrawnAt: at, updatedAt: at } })) === 1;
  const memberships = await ctx.store
    .collection('activityMembers')
    .find({ entryId: mine.entryId, state: 'active' }, { limit: 100 });
  await releasePlaces(
    ctx.store,
    activity._id,
    memberships,
    memberships.map((m) => m.staffId),
    at,
  );
  const entry = await entries.get(mine.entryId);
  if (first && entry?.teamName) {
    const others = memberships.filter((m) => m.staffId !== me._id).map((m) => m.staffId);
    await tellWithdrawn(ctx.store, { activity, item, teamName: entry.teamName, now }, others);
  }
  return { status: 'cancelled' };
}

export async function activityLeaveTeam(
  input: ParsedInput<'activity.leaveTeam'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.leaveTeam'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  const item = await loadItem(ctx, activity, input.itemId);
  if (item.mode !== 'team') throw ruleError('notTeam', '个人项目请使用“取消报名”');
  const mine = await liveMembership(ctx.store, activity._id, item._id, me._id);
  if (!mine) {
    const last = await latestMembership(ctx.store, item._id, me._id);
    if (last?.state === 'left') return { left: true, already: true };
    throw ruleError('notMember', '您不在该项目的队伍中');
  }
  if (mine.captain) throw ruleError('captain', '队长不能退出队伍；如不再参加，请撤销整队报名');
  assertSignupOpen(activity, now);

  const at = now.toISOString();
  // Read and written in one transaction on the entry, so that concurrent changes to the team add up.
  const next = await ctx.store.transaction(async (tx) => {
    const current = await tx.collection('activityEntries').get(mine.entryId);
    if (!current) return null;
    const members = current.members.filter((m) => m.staffId !== me._id);
    await tx.collection('activityEntries').update({ _id: current._id }, { set: { members, updatedAt: at } });
    // Only the request that took the member off the team tells the captain, not a repeated or concurrent one.
    return { ...current, members, removed: members.length < current.members.length };
  });
  await releasePlaces(ctx.store, activity._id, [mine], [me._id], at, false, 'left');
  if (next) {
    await setMembers(ctx.store, {
      slotId: item.slotId,
      holderId: next._id,
      members: next.members.map((m) => m.staffId),
    });
  }
  if (next?.removed) {
    const short = Math.max(0, entrySize(item).min - next.members.length);
    await tellCaptainLeft(
      ctx.store,
      { activity, item, teamName: next.teamName ?? '', now },
      next.captainId,
      me.name,
      short,
    );
  }
  return { left: true };
}
