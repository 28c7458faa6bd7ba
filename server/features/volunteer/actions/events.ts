import type { ActionOutput, ParsedInput } from '../../../../src/core/contract';
import { eventTimesProblem } from '../../../../src/core/volunteer/contract';
import { AppError, ruleError } from '../../../../src/core/errors';
import { defaultPlannedHours, formatEventTime, localYear } from '../../../../src/core/volunteer/rules';
import { assertCleanText } from '../../../kernel/content';
import { member } from '../../../kernel/context';
import type { Ctx } from '../ctx';
import { newId } from '../../../kernel/ids';
import { closeSlot, entriesOfHolder, openSlot, setCapacity } from '../../signup';
import { MAX_LIMIT } from '../../../store/port';
import type { VolunteerEventDoc } from '../collections';
import { newCodeSecret } from '../code';
import {
  assertNotCancelled,
  eventViews,
  loadEvent,
  notifySignedUp,
  oneView,
  phaseOf,
  slotIdOf,
  VOLUNTEER_SCOPE,
  volunteerHooks,
} from '../events';

type TextFields = Partial<Pick<VolunteerEventDoc, 'title' | 'content' | 'place'>> & { team?: string | null };

async function checkTexts(ctx: Ctx, fields: TextFields): Promise<void> {
  for (const key of ['title', 'content', 'place', 'team'] as const) {
    await assertCleanText(ctx, key, fields[key] ?? undefined);
  }
}

export async function volunteerEventCreate(
  input: ParsedInput<'volunteer.event.create'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.event.create'>> {
  const now = ctx.clock.now();
  const me = member(ctx);
  if (Date.parse(input.startAt) <= now.getTime()) throw ruleError('startInPast', '开始时间已过，请选择将来的时间');
  if (Date.parse(input.signupDeadline) <= now.getTime()) {
    throw ruleError('deadlineInPast', '报名截止时间已过，请选择将来的时间');
  }
  const team = input.team ? input.team : null;
  await checkTexts(ctx, { ...input, team });
  const { timeZone } = await ctx.settings();
  const id = newId();
  const at = now.toISOString();
  const doc: VolunteerEventDoc = {
    _id: id,
    title: input.title,
    content: input.content,
    place: input.place,
    startAt: input.startAt,
    endAt: input.endAt,
    signupDeadline: input.signupDeadline,
    plannedHours: input.plannedHours ?? defaultPlannedHours(input.startAt, input.endAt),
    team,
    capacity: input.capacity,
    slotId: slotIdOf(id),
    status: 'active',
    cancelReason: null,
    cancelledAt: null,
    cancelledBy: null,
    secret: newCodeSecret(),
    year: localYear(input.startAt, timeZone),
    createdBy: me._id,
    createdByName: me.name,
    createdAt: at,
    updatedAt: at,
  };
  // The slot first: an event is never visible without its seats.
  await openSlot(ctx.store, { slotId: doc.slotId, scope: VOLUNTEER_SCOPE, capacity: doc.capacity, now });
  await ctx.store.collection('volunteerEvents').insert(doc);
  ctx.auditTarget(`volunteerEvent:${id}`);
  return { event: await oneView(ctx, doc, me._id) };
}

export async function volunteerEventUpdate(
  input: ParsedInput<'volunteer.event.update'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.event.update'>> {
  const now = ctx.clock.now();
  const doc = await loadEvent(ctx, input.eventId);
  ctx.auditTarget(`volunteerEvent:${doc._id}`);
  assertNotCancelled(doc);
  if (phaseOf(doc, now) === 'finished') throw ruleError('eventFinished', '活动已结束，不能再修改');
  const { eventId: _id, team: teamInput, ...patch } = input;
  const set: Partial<VolunteerEventDoc> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (teamInput !== undefined) set.team = teamInput === '' ? null : teamInput;
  const merged = { ...doc, ...set };
  const timesChanged = merged.startAt !== doc.startAt || merged.endAt !== doc.endAt;
  // Hours that were the event's default follow its new length; hours set by hand stay.
  if (
    input.plannedHours === undefined &&
    timesChanged &&
    doc.plannedHours === defaultPlannedHours(doc.startAt, doc.endAt)
  ) {
    merged.plannedHours = set.plannedHours = defaultPlannedHours(merged.startAt, merged.endAt);
  }
  const problem = eventTimesProblem(merged);
  if (problem) throw new AppError('INVALID_INPUT', problem.message, { fields: [problem] });
  if (merged.startAt !== doc.startAt && Date.parse(merged.startAt) <= now.getTime()) {
    throw ruleError('startInPast', '开始时间已过，请选择将来的时间');
  }
  await checkTexts(ctx, set);
  const { timeZone } = await ctx.settings();
  if (set.capacity !== undefined && set.capacity !== doc.capacity) {
    await setCapacity(ctx.store, doc.slotId, set.capacity, now, volunteerHooks(merged, timeZone));
  }
  if (timesChanged) set.year = localYear(merged.startAt, timeZone);
  if (Object.keys(set).length > 0) {
    await ctx.store
      .collection('volunteerEvents')
      .update({ _id: doc._id }, { set: { ...set, updatedAt: now.toISOString() } });
  }
  if (timesChanged || merged.place !== doc.place) {
    await notifySignedUp(
      ctx.store,
      merged,
      {
        kind: 'volunteer.changed',
        title: `活动变更：${merged.title}`,
        body: `时间：${formatEventTime(merged.startAt, merged.endAt, timeZone)}；地点：${merged.place}。请留意安排。`,
      },
      now,
    );
  }
  return { event: await oneView(ctx, merged, member(ctx)._id) };
}

export async function volunteerEventCancel(
  input: ParsedInput<'volunteer.event.cancel'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.event.cancel'>> {
  const now = ctx.clock.now();
  const me = member(ctx);
  const doc = await loadEvent(ctx, input.eventId);
  ctx.auditTarget(`volunteerEvent:${doc._id}`);
  if (doc.status === 'cancelled') return { event: await oneView(ctx, doc, me._id), notified: 0, already: true };
  if (phaseOf(doc, now) === 'finished') throw ruleError('eventFinished', '活动已结束，不能取消');
  // Confirmed hours are a record of service given (民政部令第67号): the event they belong to stays.
  const [confirmed] = await ctx.store
    .collection('volunteerRecords')
    .find({ eventId: doc._id, confirmedAt: { ne: null } }, { limit: 1 });
  if (confirmed) throw ruleError('hoursConfirmed', '该活动已确认服务时长，不能取消');
  await assertCleanText(ctx, 'reason', input.reason);
  const set = {
    status: 'cancelled' as const,
    cancelReason: input.reason,
    cancelledAt: now.toISOString(),
    cancelledBy: me._id,
  };
  const changed = await ctx.store.collection('volunteerEvents').update({ _id: doc._id, status: 'active' }, { set });
  const cancelled = { ...doc, ...set };
  if (changed === 0) return { event: await oneView(ctx, cancelled, me._id), notified: 0, already: true };
  await closeSlot(ctx.store, doc.slotId, now);
  const notified = await notifySignedUp(
    ctx.store,
    cancelled,
    {
      kind: 'volunteer.cancelled',
      title: `活动取消：${doc.title}`,
      body: `组织者已取消该志愿服务活动。原因：${input.reason}`,
    },
    now,
  );
  return { event: await oneView(ctx, cancelled, me._id), notified };
}

const PAST_LIMIT = 50;

export async function volunteerEvents(
  input: ParsedInput<'volunteer.events'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.events'>> {
  const me = member(ctx)._id;
  const now = ctx.clock.now().toISOString();
  const events = ctx.store.collection('volunteerEvents');
  const status = input.status ?? 'upcoming';
  let docs: VolunteerEventDoc[];
  if (status === 'upcoming') {
    docs = await events.find({ status: 'active', endAt: { gt: now } }, { sort: { startAt: 1 }, limit: 100 });
  } else if (status === 'past') {
    const [ended, cancelled] = await Promise.all([
      events.find({ endAt: { lte: now } }, { sort: { startAt: -1 }, limit: PAST_LIMIT }),
      events.find({ status: 'cancelled', endAt: { gt: now } }, { sort: { startAt: -1 }, limit: PAST_LIMIT }),
    ]);
    docs = [...ended, ...cancelled].sort((a, b) => b.startAt.localeCompare(a.startAt)).slice(0, PAST_LIMIT);
  } else {
    const mine = await entriesOfHolder(ctx.store, VOLUNTEER_SCOPE, me, 200);
    const ids = [...new Set(mine.map((e) => e.slotId.slice(VOLUNTEER_SCOPE.length + 1)))];
    docs = ids.length === 0 ? [] : await events.find({ _id: { in: ids } }, { limit: MAX_LIMIT });
    docs.sort((a, b) => b.startAt.localeCompare(a.startAt));
  }
  return { items: await eventViews(ctx, docs, me) };
}

export async function volunteerEventGet(
  input: ParsedInput<'volunteer.event.get'>,
  ctx: Ctx,
): Promise<ActionOutput<'volunteer.event.get'>> {
  const doc = await loadEvent(ctx, input.eventId);
  const roles = ctx.caller.roles;
  return {
    event: await oneView(ctx, doc, member(ctx)._id),
    canManage: roles.includes('organizer') || roles.includes('admin'),
    serverNow: ctx.clock.now().toISOString(),
  };
}
