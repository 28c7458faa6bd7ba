import { genderAllows, genderMessage, memberListProblem, teamSizeProblem } from '../../../../src/core/activity/rules';
import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { enter, snapshot } from '../enter';
import { assertSignupOpen, liveMembership, loadActivity, loadItem, SCOPE } from '../load';
import { claimPlaces, releasePlaces } from '../membership';
import { promotionHooks, tellAdded } from '../notices';
import { entryStatus, myEntryView, signupOf } from '../views';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { positionOf, setMembers, signUp } from '../../signup';
import type { ActivityDoc, ActivityItemDoc, ActivityMemberDoc } from '../collections';
import type { StaffDoc } from '../../../kernel/member';

/** Registering for an item (alone or as a team's captain) and adding members to one's team. */

const invalid = (field: string, message: string) =>
  new AppError('INVALID_INPUT', message, { fields: [{ field, message }] });

/** The named colleagues, each one on the roster and active. */
async function loadPeople(ctx: Ctx, staffIds: readonly string[]): Promise<StaffDoc[]> {
  if (staffIds.length === 0) return [];
  const found = await ctx.store.collection('staff').find({ _id: { in: [...staffIds] } }, { limit: staffIds.length });
  const missing = staffIds.filter((id) => !found.some((s) => s._id === id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', '所选队员不在名册中，请重新选择', { staffIds: missing });
  const people = staffIds.map((id) => found.find((s) => s._id === id) as StaffDoc);
  const inactive = people.find((s) => !s.active);
  if (inactive)
    throw ruleError('inactiveMember', `${inactive.name}的账号已停用，不能加入队伍`, { staffId: inactive._id });
  return people;
}

function assertGender(item: ActivityItemDoc, people: readonly StaffDoc[], callerId: string): void {
  if (!item.gender) return;
  const misfit = people.find((p) => !genderAllows(item.gender ?? undefined, p.gender));
  if (misfit) {
    throw ruleError('gender', genderMessage(misfit._id === callerId ? null : misfit.name, item.gender, misfit.gender), {
      staffId: misfit._id,
    });
  }
}

export async function activityRegister(
  input: ParsedInput<'activity.register'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.register'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  const item = await loadItem(ctx, activity, input.itemId);
  assertSignupOpen(activity, now);
  if (item.mode === 'individual' && input.team) throw invalid('team', '个人项目无需组队');
  if (item.mode === 'team' && !input.team) throw invalid('team', '团体项目请填写队名并选择队员');

  const again = await liveMembership(ctx.store, activity._id, item._id, me._id);
  if (again) {
    const answer = await repeated(ctx, again, input.team?.name, { activity, item, now });
    if (answer) return answer;
  }

  const others = input.team?.memberStaffIds ?? [];
  const listProblem = memberListProblem(me._id, others);
  if (listProblem) throw invalid('team.memberStaffIds', listProblem);
  const size = item.mode === 'team' ? teamSizeProblem(item, others.length + 1) : null;
  if (size) throw ruleError(size.rule, size.message);
  if (input.team) await assertCleanText(ctx, 'team.name', input.team.name);
  const people = [me, ...(await loadPeople(ctx, others))];
  assertGender(item, people, me._id);

  const { entryId, result } = await enter(ctx.store, {
    activity,
    item,
    people,
    callerId: me._id,
    teamName: input.team?.name ?? null,
    now,
  });
  if (input.team) await tellAdded(ctx.store, { activity, item, teamName: input.team.name, now }, me.name, others);
  return { entryId, status: result.status, ...(result.position !== undefined ? { position: result.position } : {}) };
}

/**
 * Places claimed longer ago than this without their entry belong to a registration that died between
 * its writes (a request takes seconds at most), not to one still in flight.
 */
export const ABANDONED_CLAIM_MS = 2 * 60 * 1000;

/**
 * A second registration by someone already in the item: the same one again, or a clash. Null when the
 * earlier registration was abandoned half-way: its places are then given back and the caller goes on.
 */
async function repeated(
  ctx: Ctx,
  mine: ActivityMemberDoc,
  teamName: string | undefined,
  at: { activity: ActivityDoc; item: ActivityItemDoc; now: Date },
): Promise<ActionOutput<'activity.register'> | null> {
  const entry = await ctx.store.collection('activityEntries').get(mine.entryId);
  if (!entry) {
    if (at.now.getTime() - Date.parse(mine.joinedAt) < ABANDONED_CLAIM_MS) {
      throw new AppError('CONFLICT', '报名正在处理，请稍后刷新查看');
    }
    // Ended like a withdrawal (once, in a transaction per place), so concurrent retries give back nothing twice.
    const claimed = await ctx.store.collection('activityMembers').find({ entryId: mine.entryId }, { limit: 100 });
    await releasePlaces(
      ctx.store,
      at.activity._id,
      claimed,
      claimed.map((m) => m.staffId),
      at.now.toISOString(),
    );
    return null;
  }
  if (!mine.captain) throw new AppError('CONFLICT', `您已是本项目队伍「${entry.teamName ?? ''}」的队员`);
  if (entry.teamName !== null && entry.teamName !== teamName) {
    throw new AppError('CONFLICT', `您已为本项目报名了队伍「${entry.teamName}」`);
  }
  let signup = await signupOf(ctx.store, entry);
  if (!signup || signup.status === 'pending') {
    // A registration cut short before its seat was decided (a crash between writes): finish it now.
    // signUp is idempotent per holder, so a first request still in flight is not doubled.
    const members = entry.members.map((m) => m.staffId);
    const req = { slotId: at.item.slotId, scope: SCOPE, holderId: entry._id, members, now: at.now };
    signup = (await signUp(ctx.store, req, promotionHooks(at.activity, at.item))).entry;
    await ctx.store.collection('activityEntries').update({ _id: entry._id }, { set: { signupEntryId: signup._id } });
  }
  const status = entryStatus(signup) === 'confirmed' ? 'confirmed' : 'waitlisted';
  const position = signup ? await positionOf(ctx.store, signup) : undefined;
  return { entryId: entry._id, status, already: true, ...(position !== undefined ? { position } : {}) };
}

export async function activityAddMembers(
  input: ParsedInput<'activity.addMembers'>,
  ctx: Ctx,
): Promise<ActionOutput<'activity.addMembers'>> {
  const me = member(ctx);
  const now = ctx.clock.now();
  const activity = await loadActivity(ctx, input.activityId);
  const item = await loadItem(ctx, activity, input.itemId);
  if (item.mode !== 'team') throw ruleError('notTeam', '个人项目没有队伍');
  const mine = await liveMembership(ctx.store, activity._id, item._id, me._id);
  if (!mine) throw ruleError('notSignedUp', '您没有在该项目报名队伍');
  if (!mine.captain) throw new AppError('FORBIDDEN', '只有队长可以添加队员');
  assertSignupOpen(activity, now);
  const entries = ctx.store.collection('activityEntries');
  const entry = await entries.get(mine.entryId);
  if (!entry) throw new AppError('NOT_FOUND', '找不到该队伍');
  const ids = input.memberStaffIds;
  const listProblem = memberListProblem(me._id, ids);
  if (listProblem) throw invalid('memberStaffIds', listProblem);
  const inTeam = entry.members.find((m) => ids.includes(m.staffId));
  if (inTeam) throw invalid('memberStaffIds', `${inTeam.name}已在队伍中`);
  const size = teamSizeProblem(item, entry.members.length + ids.length);
  if (size?.rule === 'teamTooLarge') throw ruleError(size.rule, size.message);
  const people = await loadPeople(ctx, ids);
  assertGender(item, people, me._id);

  const claim = {
    activityId: activity._id,
    itemId: item._id,
    entryId: entry._id,
    captainId: me._id,
    callerId: me._id,
    maxItemsPerPerson: activity.maxItemsPerPerson,
    now,
  };
  const memberships = await claimPlaces(ctx.store, claim, people);
  const at = now.toISOString();
  // Read and written in one transaction on the entry, so that concurrent changes to the team add up.
  // The places claimed above are released whatever ends the transaction: a changed team, or a
  // failure (a timeout, conflicts past the retry budget), so that nobody stays held by a team they
  // never joined.
  let next: Awaited<ReturnType<typeof entries.get>>;
  try {
    next = await ctx.store.transaction(async (tx) => {
      const current = await tx.collection('activityEntries').get(entry._id);
      if (!current || current.withdrawnAt !== null) return null;
      const members = [...current.members, ...people.map(snapshot)];
      if (teamSizeProblem(item, members.length)?.rule === 'teamTooLarge') return null;
      await tx.collection('activityEntries').update({ _id: current._id }, { set: { members, updatedAt: at } });
      return { ...current, members, updatedAt: at };
    });
  } catch (error) {
    await releasePlaces(ctx.store, activity._id, memberships, ids, at, true);
    throw error;
  }
  if (!next) {
    await releasePlaces(ctx.store, activity._id, memberships, ids, at, true);
    throw ruleError('teamChanged', '队伍刚刚有变动，请刷新后重试');
  }
  await setMembers(ctx.store, {
    slotId: item.slotId,
    holderId: entry._id,
    members: next.members.map((m) => m.staffId),
  });
  await tellAdded(ctx.store, { activity, item, teamName: next.teamName ?? '', now }, me.name, ids);
  return { entry: await myEntryView(ctx.store, next, item, me._id) };
}
