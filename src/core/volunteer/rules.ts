import { localDayKey, localFields } from '../time';
import { type Schedule, scheduleStage } from '../schedule';
import { SCENE_PAGE } from './scene';

/**
 * Volunteer service rules (DESIGN.md §5), pure: the event's phase, the on-site code's time windows and
 * QR payload, and the hours arithmetic. Records follow 民政部令第67号 (who, what, where, when, hours,
 * recorded by whom).
 */

/** The on-site code changes every 30 s; the current and the previous window are accepted. */
export const CODE_WINDOW_MS = 30_000;
export const CODE_LENGTH = 6;

/** Sign-in opens an hour before the start (people arrive early); sign-out stays open 3 h past the end. */
export const SIGNIN_OPENS_BEFORE_MS = 60 * 60 * 1000;
export const SIGNOUT_CLOSES_AFTER_MS = 3 * 60 * 60 * 1000;

/** Limits that keep an event within what a one-off service activity is. */
export const MAX_EVENT_DAYS = 7;
export const MAX_PLANNED_HOURS = 24;
export const MAX_CAPACITY = 1000;

export const VOLUNTEER_TEAMS = ['学雷锋志愿服务队', '网络文明传播志愿队'] as const;

export type VolunteerPhase = 'open' | 'closed' | 'ongoing' | 'finished' | 'cancelled';

export const PHASE_LABELS: Record<VolunteerPhase, string> = {
  open: '报名中',
  closed: '报名已截止',
  ongoing: '进行中',
  finished: '已结束',
  cancelled: '已取消',
};

export type EventTimes = Schedule;

const ms = (iso: string) => Date.parse(iso);

export function eventPhase(event: EventTimes & { cancelled: boolean }, now: Date): VolunteerPhase {
  if (event.cancelled) return 'cancelled';
  const stage = scheduleStage(event, now);
  return stage === 'over' ? 'finished' : stage;
}

/** Sign-in: from an hour before the start until the end. */
export function signInOpen(event: EventTimes, now: Date): boolean {
  const t = now.getTime();
  return t >= ms(event.startAt) - SIGNIN_OPENS_BEFORE_MS && t < ms(event.endAt);
}

/** Sign-out: from the start until three hours after the end (hours are capped anyway). */
export function signOutOpen(event: EventTimes, now: Date): boolean {
  const t = now.getTime();
  return t >= ms(event.startAt) - SIGNIN_OPENS_BEFORE_MS && t < ms(event.endAt) + SIGNOUT_CLOSES_AFTER_MS;
}

// ---- hours ----

/** Rounds down to the half hour: 2 h 59 min is 2.5 h. A tiny epsilon absorbs float noise (2.5 stays 2.5). */
export function floorHalfHour(hours: number): number {
  if (!Number.isFinite(hours) || hours <= 0) return 0;
  return Math.floor(hours * 2 + 1e-9) / 2;
}

export function isHalfHourStep(hours: number): boolean {
  return Number.isFinite(hours) && Math.abs(hours * 2 - Math.round(hours * 2)) < 1e-9;
}

/** The default planned hours of an event: its length, rounded down, at most the daily limit. */
export function defaultPlannedHours(startAt: string, endAt: string): number {
  return Math.min(MAX_PLANNED_HOURS, floorHalfHour((ms(endAt) - ms(startAt)) / 3_600_000));
}

/**
 * Hours from the on-site record: sign-out minus sign-in, capped at the planned hours, rounded down to
 * the half hour. Without both times there is nothing to compute: the organizer decides (null).
 */
export function computeHours(signInAt: string | null, signOutAt: string | null, plannedHours: number): number | null {
  if (!signInAt || !signOutAt) return null;
  const worked = (ms(signOutAt) - ms(signInAt)) / 3_600_000;
  return floorHalfHour(Math.min(Math.max(worked, 0), plannedHours));
}

/**
 * An organizer's confirmed hours differ from what the record gives (or there was nothing to compute
 * and hours are granted): that is an adjustment and needs a note saying why.
 */
export function needsNote(computed: number | null, hours: number): boolean {
  if (computed === null) return hours > 0;
  return Math.abs(computed - hours) > 1e-9;
}

// ---- on-site code ----

export function codeWindow(now: Date): number {
  return Math.floor(now.getTime() / CODE_WINDOW_MS);
}

/** The instant the window ends (the code then changes). */
export function windowEndsAt(window: number): Date {
  return new Date((window + 1) * CODE_WINDOW_MS);
}

/** The windows whose code is accepted now: the current one and the one before. */
export function acceptedWindows(now: Date): [number, number] {
  const w = codeWindow(now);
  return [w, w - 1];
}

export function isCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

const PAYLOAD_PREFIX = 'tongxin:vol:';

/** What the QR code carries: the event and the current code, nothing secret. */
export function codePayload(eventId: string, code: string): string {
  return `${PAYLOAD_PREFIX}${eventId}:${code}`;
}

export function parseCodePayload(text: string): { eventId: string; code: string } | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PAYLOAD_PREFIX)) return null;
  const m = /^([A-Za-z0-9_-]{1,64}):(\d{6})$/.exec(trimmed.slice(PAYLOAD_PREFIX.length));
  return m ? { eventId: m[1], code: m[2] } : null;
}

// ---- display ----

/** '3月12日 09:00–12:00', or with both dates when the event spans days; in the unit's time zone. */
export function formatEventTime(startAt: string, endAt: string, timeZone: string): string {
  const s = localFields(new Date(startAt), timeZone);
  const e = localFields(new Date(endAt), timeZone);
  const sameDay = localDayKey(new Date(startAt), timeZone) === localDayKey(new Date(endAt), timeZone);
  return sameDay
    ? `${s.month}月${s.day}日 ${s.hhmm}–${e.hhmm}`
    : `${s.month}月${s.day}日 ${s.hhmm} – ${e.month}月${e.day}日 ${e.hhmm}`;
}

export function formatDateTime(iso: string, timeZone: string): string {
  const t = localFields(new Date(iso), timeZone);
  return `${t.month}月${t.day}日 ${t.hhmm}`;
}

export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`;
}

/** The local year an event belongs to (its start, in the unit's time zone). */
export function localYear(iso: string, timeZone: string): number {
  return Number(localDayKey(new Date(iso), timeZone).slice(0, 4));
}

/** The event page, for inbox links (client route). */
export function volunteerEventLink(eventId: string): string {
  return `/${SCENE_PAGE}?id=${encodeURIComponent(eventId)}`;
}
