import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { ruleError } from '../../../../src/core/errors';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { latestEntry, liveEntry, positionOf, signUp, withdraw } from '../../signup';
import { assertNotCancelled, loadEvent, oneView, phaseOf, VOLUNTEER_SCOPE, volunteerHooks } from '../events';

export async function volunteerSignup(
  input: ParsedInput<'volunteer.signup'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.signup'>> {
  const now = ctx.clock.now();
  const me = member(ctx);
  const doc = await loadEvent(ctx, input.eventId);
  // Asking again for what one already has is answered, whatever the time: it changes nothing.
  const existing = await liveEntry(ctx.store, doc.slotId, me._id);
  if (existing && existing.status !== 'pending') {
    const position = await positionOf(ctx.store, existing);
    return {
      status: existing.status === 'confirmed' ? 'confirmed' : 'waitlisted',
      ...(position !== undefined ? { position } : {}),
      event: await oneView(ctx, doc, me._id),
      already: true,
    };
  }
  assertNotCancelled(doc);
  const phase = phaseOf(doc, now);
  if (phase === 'finished') throw ruleError('eventFinished', '活动已结束');
  if (phase !== 'open') throw ruleError('signupClosed', '报名已截止');
  const { timeZone } = await ctx.settings();
  const result = await signUp(
    ctx.store,
    { slotId: doc.slotId, scope: VOLUNTEER_SCOPE, holderId: me._id, members: [me._id], now },
    volunteerHooks(doc, timeZone),
  );
  return {
    status: result.status,
    ...(result.position !== undefined ? { position: result.position } : {}),
    event: await oneView(ctx, doc, me._id),
    ...(result.already ? { already: true } : {}),
  };
}

export async function volunteerCancel(
  input: ParsedInput<'volunteer.cancel'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.cancel'>> {
  const now = ctx.clock.now();
  const me = member(ctx);
  const doc = await loadEvent(ctx, input.eventId);
  const live = await liveEntry(ctx.store, doc.slotId, me._id);
  if (!live) {
    if (await latestEntry(ctx.store, doc.slotId, me._id))
      return { event: await oneView(ctx, doc, me._id), already: true };
    throw ruleError('notSignedUp', '您没有报名该活动，无需取消');
  }
  assertNotCancelled(doc);
  if (now.getTime() >= Date.parse(doc.signupDeadline)) {
    throw ruleError('cancelDeadline', '报名已截止，不能在线取消；如有变化请联系组织者');
  }
  const { timeZone } = await ctx.settings();
  const result = await withdraw(
    ctx.store,
    { slotId: doc.slotId, holderId: me._id, by: me._id, now },
    volunteerHooks(doc, timeZone),
  );
  return { event: await oneView(ctx, doc, me._id), ...(result.already ? { already: true } : {}) };
}
