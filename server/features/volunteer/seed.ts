import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { addDays, localDayKey, localInstant } from '../../../src/core/time';
import { computeHours, localYear } from '../../../src/core/volunteer/rules';
import type { VolunteerStore } from './ctx';
import { newId } from '../../kernel/ids';
import { openSlot, signUp } from '../signup';
import type { StaffDoc } from '../../kernel/member';
import type { VolunteerEventDoc } from './collections';
import { newCodeSecret } from './code';
import { slotIdOf, VOLUNTEER_SCOPE } from './events';
import { confirmHours, newRecord } from './records';

/**
 * The demo's volunteer service (DESIGN.md §7), relative to now: one open event three days ahead with
 * some sign-ups, and one finished event a week ago with on-site times and confirmed hours, so that
 * records and the certificate have something to show.
 */

const TZ = DEFAULT_SETTINGS.timeZone;
const UNIT = { unitName: '同心示范单位', timeZone: TZ };

interface SeedEvent {
  title: string;
  content: string;
  place: string;
  team: string;
  day: number;
  from: string;
  to: string;
  capacity: number;
  plannedHours: number;
  people: string[];
}

const OPEN: SeedEvent = {
  title: '走进特殊教育学校 · 陪伴阅读',
  content: '与特教学校的孩子们一起读绘本、做手工，协助老师组织课间活动。请着志愿者马甲，提前 15 分钟到校门口集合。',
  place: '市特殊教育学校（东门集合）',
  team: '学雷锋志愿服务队',
  day: 3,
  from: '09:00',
  to: '11:30',
  capacity: 8,
  plannedHours: 2.5,
  people: ['T0005', 'T0006', 'T0007', 'T0008', 'T0009', 'T0010'],
};

const PAST: SeedEvent = {
  title: '景区文明引导志愿服务',
  content: '在景区入口和观景台开展文明游览引导、垃圾分类宣传，协助维持排队秩序。',
  place: '南山风景区游客中心',
  team: '网络文明传播志愿队',
  day: -8,
  from: '14:00',
  to: '17:00',
  capacity: 6,
  plannedHours: 3,
  people: ['T0004', 'T0006', 'T0011', 'T0012'],
};

function eventDoc(e: SeedEvent, now: Date, organizer: StaffDoc): VolunteerEventDoc {
  const day = addDays(localDayKey(now, TZ), e.day);
  const startAt = localInstant(day, e.from, TZ).toISOString();
  const id = newId();
  const at = new Date(Math.min(now.getTime(), Date.parse(startAt) - 5 * 86_400_000)).toISOString();
  return {
    _id: id,
    title: e.title,
    content: e.content,
    place: e.place,
    startAt,
    endAt: localInstant(day, e.to, TZ).toISOString(),
    signupDeadline: localInstant(addDays(day, -1), '18:00', TZ).toISOString(),
    plannedHours: e.plannedHours,
    team: e.team,
    capacity: e.capacity,
    slotId: slotIdOf(id),
    status: 'active',
    cancelReason: null,
    cancelledAt: null,
    cancelledBy: null,
    secret: newCodeSecret(),
    year: localYear(startAt, TZ),
    createdBy: organizer._id,
    createdByName: organizer.name,
    createdAt: at,
    updatedAt: at,
  };
}

async function seedEvent(
  store: VolunteerStore,
  e: SeedEvent,
  now: Date,
  byNo: Map<string, StaffDoc>,
): Promise<VolunteerEventDoc> {
  const organizer = byNo.get('T0003');
  if (!organizer) throw new Error('the demo roster lacks its organizer T0003');
  const doc = eventDoc(e, now, organizer);
  const at = new Date(doc.createdAt);
  await openSlot(store, { slotId: doc.slotId, scope: VOLUNTEER_SCOPE, capacity: doc.capacity, now: at });
  await store.collection('volunteerEvents').insert(doc);
  for (const no of e.people) {
    const person = byNo.get(no);
    if (person)
      await signUp(store, {
        slotId: doc.slotId,
        scope: VOLUNTEER_SCOPE,
        holderId: person._id,
        members: [person._id],
        now: at,
      });
  }
  return doc;
}

export async function seedVolunteer(store: VolunteerStore, now: Date, roster: readonly StaffDoc[]): Promise<void> {
  const byNo = new Map(roster.map((s) => [s.staffNo, s]));
  await seedEvent(store, OPEN, now, byNo);
  const past = await seedEvent(store, PAST, now, byNo);
  const organizer = byNo.get('T0003');
  if (!organizer) return;
  // On-site times: most stayed to the end; one left early; one forgot to sign out (the organizer decided).
  const minutes = [
    [-10, 185],
    [-5, 178],
    [0, 95],
    [-3, null],
  ] as const;
  for (const [i, no] of PAST.people.entries()) {
    const person = byNo.get(no);
    if (!person) continue;
    const [inAt, outAt] = minutes[i % minutes.length];
    const start = Date.parse(past.startAt);
    const signInAt = new Date(start + inAt * 60_000).toISOString();
    const signOutAt = outAt === null ? null : new Date(start + outAt * 60_000).toISOString();
    const record = { ...newRecord(past, person, UNIT, new Date(signInAt)), signInAt, signOutAt };
    const computed = computeHours(signInAt, signOutAt, past.plannedHours);
    const hours = computed ?? 2.5;
    const note = computed === null ? '未签退，据现场登记表确认' : null;
    await confirmHours(store, { record, hours, note, confirmer: organizer }, new Date(past.endAt));
  }
}
