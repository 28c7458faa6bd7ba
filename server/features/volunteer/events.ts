import { keywordTime, type NoticeSlots } from '../../../src/core/notice';
import type { MyVolunteerState, VolunteerEventView } from '../../../src/core/volunteer/contract';
import { AppError, ruleError } from '../../../src/core/errors';
import { computeHours, eventPhase, formatEventTime, volunteerEventLink } from '../../../src/core/volunteer/rules';
import type { VolunteerStore, Ctx } from './ctx';
import { notify } from '../inbox';
import { allEntries, positionOf, type SignupHooks, slotsByIds } from '../signup';
import { MAX_LIMIT } from '../../store/port';
import type { SignupEntryDoc, SignupSlotDoc } from '../signup';
import type { VolunteerEventDoc, VolunteerRecordDoc } from './collections';

export const VOLUNTEER_SCOPE = 'volunteer';

export function slotIdOf(eventId: string): string {
  return `${VOLUNTEER_SCOPE}:${eventId}`;
}

export function recordIdOf(eventId: string, staffId: string): string {
  return `${eventId}:${staffId}`;
}

export async function loadEvent(ctx: Ctx, eventId: string): Promise<VolunteerEventDoc> {
  const doc = await ctx.store.collection('volunteerEvents').get(eventId);
  if (!doc) throw new AppError('NOT_FOUND', '找不到该志愿服务活动');
  return doc;
}

export function phaseOf(doc: VolunteerEventDoc, now: Date) {
  return eventPhase({ ...doc, cancelled: doc.status === 'cancelled' }, now);
}

/** Refuses writes to an event that no longer takes them (cancelled, or over). */
export function assertNotCancelled(doc: VolunteerEventDoc): void {
  if (doc.status === 'cancelled') throw ruleError('eventCancelled', '该活动已取消');
}

/** What the people on an event hear when a waiter is promoted. */
export function volunteerHooks(doc: VolunteerEventDoc, timeZone: string): SignupHooks {
  return {
    promoted: () => ({
      kind: 'volunteer.promoted',
      title: `候补转正：${doc.title}`,
      body: `有名额空出，您已由候补转为报名成功。时间：${formatEventTime(doc.startAt, doc.endAt, timeZone)}；地点：${doc.place}。`,
      link: volunteerEventLink(doc._id),
      slots: eventSlots(doc, timeZone, '候补已转为报名成功'),
    }),
  };
}

/** What an event's WeChat message shows: its title, start and place, and what happened. */
function eventSlots(doc: VolunteerEventDoc, timeZone: string, note: string): NoticeSlots {
  return { title: doc.title, time: keywordTime(new Date(doc.startAt), timeZone), place: doc.place, note };
}

/** Tells everyone still signed up (confirmed or waiting); resolves to how many were told. */
export async function notifySignedUp(
  store: VolunteerStore,
  doc: VolunteerEventDoc,
  notice: { kind: string; title: string; body: string },
  now: Date,
): Promise<number> {
  const live = (await allEntries(store, doc.slotId)).filter(
    (e) => e.status === 'confirmed' || e.status === 'waitlisted',
  );
  const people = [...new Set(live.flatMap((e) => e.members))];
  for (const staffId of people) await notify(store, { ...notice, staffId, link: volunteerEventLink(doc._id) }, now);
  return people.length;
}

function mineOf(
  entry: SignupEntryDoc | undefined,
  record: VolunteerRecordDoc | undefined,
  doc: VolunteerEventDoc,
  position?: number,
): MyVolunteerState | null {
  if (!entry || entry.status === 'pending') return null;
  const signInAt = record?.signInAt ?? null;
  const signOutAt = record?.signOutAt ?? null;
  return {
    status: entry.status,
    ...(position !== undefined ? { position } : {}),
    signedUpAt: entry.createdAt,
    signInAt,
    signOutAt,
    computedHours: computeHours(signInAt, signOutAt, doc.plannedHours),
    hours: record?.hours ?? null,
  };
}

export function eventView(
  doc: VolunteerEventDoc,
  slot: SignupSlotDoc | undefined,
  now: Date,
  mine: MyVolunteerState | null = null,
): VolunteerEventView {
  return {
    id: doc._id,
    title: doc.title,
    content: doc.content,
    place: doc.place,
    startAt: doc.startAt,
    endAt: doc.endAt,
    signupDeadline: doc.signupDeadline,
    plannedHours: doc.plannedHours,
    team: doc.team,
    capacity: slot?.capacity ?? doc.capacity,
    seatsLeft: slot?.seatsLeft ?? 0,
    confirmedCount: slot?.confirmed ?? 0,
    waitingCount: slot?.waiting ?? 0,
    phase: phaseOf(doc, now),
    cancelReason: doc.cancelReason,
    organizerName: doc.createdByName,
    mine,
  };
}

/** Views of several events with the viewer's own standing, in a fixed number of queries. */
export async function eventViews(
  ctx: Ctx,
  docs: readonly VolunteerEventDoc[],
  viewerId: string | null,
): Promise<VolunteerEventView[]> {
  if (docs.length === 0) return [];
  const now = ctx.clock.now();
  const slotIds = docs.map((d) => d.slotId);
  const slots = await slotsByIds(ctx.store, slotIds);
  const latest = new Map<string, SignupEntryDoc>();
  const records = new Map<string, VolunteerRecordDoc>();
  if (viewerId) {
    const mine = await ctx.store
      .collection('signupEntries')
      .find({ holderId: viewerId, slotId: { in: slotIds } }, { sort: { createdAt: -1 }, limit: MAX_LIMIT });
    // The live entry if any (one per holder and slot), else the latest cancelled one.
    for (const e of mine) {
      const seen = latest.get(e.slotId);
      if (!seen || (seen.status === 'cancelled' && e.status !== 'cancelled')) latest.set(e.slotId, e);
    }
    const recs = await ctx.store
      .collection('volunteerRecords')
      .find({ _id: { in: docs.map((d) => recordIdOf(d._id, viewerId)) } }, { limit: MAX_LIMIT });
    for (const r of recs) records.set(r.eventId, r);
  }
  const views: VolunteerEventView[] = [];
  for (const doc of docs) {
    const entry = latest.get(doc.slotId);
    const position = entry ? await positionOf(ctx.store, entry) : undefined;
    views.push(eventView(doc, slots.get(doc.slotId), now, mineOf(entry, records.get(doc._id), doc, position)));
  }
  return views;
}

export async function oneView(ctx: Ctx, doc: VolunteerEventDoc, viewerId: string | null): Promise<VolunteerEventView> {
  const [view] = await eventViews(ctx, [doc], viewerId);
  return view;
}
