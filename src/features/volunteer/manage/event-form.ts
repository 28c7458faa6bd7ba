import dayjs from 'dayjs';
import { volunteerEventCreateInput, type VolunteerEventView } from '@/core/volunteer/contract';
import type { ActionInput } from '@/core/contract';
import { addDays, localDayKey, localInstant } from '@/core/time';
import { type FieldErrors, issuesToFieldErrors } from '@/features/forms/issues';

/** The event form as the organizer edits it: local dates and times in the unit's time zone. */
export interface EventDraft {
  title: string;
  content: string;
  place: string;
  team: string;
  capacity: string;
  plannedHours: string;
  startDay: string;
  startTime: string;
  endTime: string;
  endDay: string;
  deadlineDay: string;
  deadlineTime: string;
}

export type EventInput = ActionInput<'volunteer.event.create'>;

function split(iso: string, timeZone: string): [string, string] {
  const t = dayjs(iso).tz(timeZone);
  return [t.format('YYYY-MM-DD'), t.format('HH:mm')];
}

/** A new event defaults to a week ahead, 09:00–12:00, sign-up until 18:00 the day before. */
export function newDraft(now: Date, timeZone: string): EventDraft {
  const day = addDays(localDayKey(now, timeZone), 7);
  return {
    title: '',
    content: '',
    place: '',
    team: '学雷锋志愿服务队',
    capacity: '20',
    plannedHours: '',
    startDay: day,
    startTime: '09:00',
    endDay: day,
    endTime: '12:00',
    deadlineDay: addDays(day, -1),
    deadlineTime: '18:00',
  };
}

export function draftOf(e: VolunteerEventView, timeZone: string): EventDraft {
  const [startDay, startTime] = split(e.startAt, timeZone);
  const [endDay, endTime] = split(e.endAt, timeZone);
  const [deadlineDay, deadlineTime] = split(e.signupDeadline, timeZone);
  return {
    title: e.title,
    content: e.content,
    place: e.place,
    team: e.team ?? '',
    capacity: String(e.capacity),
    plannedHours: String(e.plannedHours),
    startDay,
    startTime,
    endDay,
    endTime,
    deadlineDay,
    deadlineTime,
  };
}

const instant = (day: string, time: string, timeZone: string) => localInstant(day, time, timeZone).toISOString();

/** Draft → the action's input, checked with the very schema the server uses. */
export function inputOf(
  d: EventDraft,
  timeZone: string,
): { ok: true; value: EventInput } | { ok: false; errors: FieldErrors } {
  const number = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
  const value: EventInput = {
    title: d.title,
    content: d.content,
    place: d.place,
    startAt: instant(d.startDay, d.startTime, timeZone),
    endAt: instant(d.endDay, d.endTime, timeZone),
    signupDeadline: instant(d.deadlineDay, d.deadlineTime, timeZone),
    capacity: number(d.capacity),
    ...(d.plannedHours.trim() !== '' ? { plannedHours: number(d.plannedHours) } : {}),
    ...(d.team.trim() !== '' ? { team: d.team } : {}),
  };
  const checked = volunteerEventCreateInput.safeParse(value);
  if (!checked.success) return { ok: false, errors: issuesToFieldErrors(checked.error.issues) };
  return { ok: true, value };
}

/** For an update: only what differs from the event as loaded (an emptied team removes it). */
export function changesOf(input: EventInput, before: VolunteerEventView): Partial<EventInput> {
  const out: Partial<EventInput> & { team?: string } = {};
  const same = (a: string, b: string) => Date.parse(a) === Date.parse(b);
  if (input.title !== before.title) out.title = input.title;
  if (input.content !== before.content) out.content = input.content;
  if (input.place !== before.place) out.place = input.place;
  if (!same(input.startAt, before.startAt)) out.startAt = input.startAt;
  if (!same(input.endAt, before.endAt)) out.endAt = input.endAt;
  if (!same(input.signupDeadline, before.signupDeadline)) out.signupDeadline = input.signupDeadline;
  if (input.capacity !== before.capacity) out.capacity = input.capacity;
  if (input.plannedHours !== undefined && input.plannedHours !== before.plannedHours)
    out.plannedHours = input.plannedHours;
  if ((input.team ?? '') !== (before.team ?? '')) out.team = input.team ?? '';
  return out;
}
