import type { Settings } from '../settings';
import { type DayKey, localMinuteOfDay, weekdayOf } from '../time';

/** The longest reason a 补卡 request may give (the form stops there, the contract refuses more). */
export const MAKEUP_REASON_MAX = 200;

/** Pure rules of the morning reading (DESIGN.md §5): window, reading time, make-ups, honor roll. */

export type WindowState = 'before' | 'open' | 'after';
export type WindowSettings = Pick<Settings, 'timeZone' | 'readingWindowStart' | 'readingWindowEnd'>;

/** Minutes since midnight of an 'HH:mm' setting. */
export function minuteOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The window is [start, end): 09:29:59 is inside, 09:30:00 is not (local time of the unit). */
export function windowState(now: Date, s: WindowSettings): WindowState {
  const minute = localMinuteOfDay(now, s.timeZone);
  if (minute < minuteOf(s.readingWindowStart)) return 'before';
  if (minute < minuteOf(s.readingWindowEnd)) return 'open';
  return 'after';
}

/** Whole seconds still to read before a check-in is accepted (0 when enough). */
export function readingSecondsLeft(openedAt: Date, now: Date, minReadingSeconds: number): number {
  const left = openedAt.getTime() + minReadingSeconds * 1000 - now.getTime();
  return left <= 0 ? 0 : Math.ceil(left / 1000);
}

/** Calendar days from `from` to `to` (positive when `to` is later), independent of any time zone. */
export function daysBetween(from: DayKey, to: DayKey): number {
  const utc = (d: DayKey) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export type MakeupRule = 'makeupFuture' | 'makeupToday' | 'makeupDaysBack';

export interface Refusal<R extends string = string> {
  rule: R;
  message: string;
}

/**
 * Which days may be made up, by date alone: a past day at most `daysBack` calendar days ago, or
 * today once its window has closed ("after the window, a make-up is the way").
 */
export function makeupDateProblem(
  date: DayKey,
  today: DayKey,
  window: WindowState,
  daysBack: number,
): Refusal<MakeupRule> | null {
  if (date > today) return { rule: 'makeupFuture', message: '不能为未来的日期补卡' };
  if (date === today && window !== 'after') {
    return { rule: 'makeupToday', message: '今日打卡时段尚未结束，请直接打卡' };
  }
  if (daysBetween(date, today) > daysBack) {
    return { rule: 'makeupDaysBack', message: daysBack === 0 ? '只能为今天补卡' : `只能补最近 ${daysBack} 天内的打卡` };
  }
  return null;
}

export type CheckinMark = 'checked' | 'makeup';

/** How a day looks in my calendar. */
export type DayState = 'checked' | 'makeup' | 'missed' | 'pending' | 'future' | 'off' | 'noReading';

export function dayState(day: {
  date: DayKey;
  today: DayKey;
  workday: boolean;
  hasReading: boolean;
  mark: CheckinMark | null;
  window: WindowState;
}): DayState {
  if (day.mark) return day.mark;
  if (day.date > day.today) return 'future';
  if (!day.workday) return 'off';
  if (!day.hasReading) return 'noReading';
  if (day.date === day.today && day.window !== 'after') return 'pending';
  return 'missed';
}

/**
 * Workdays of a month that count for its honor roll and rates: every workday before today, and
 * today once its window has closed. A month in progress is judged on the days that have passed, so
 * nobody is kept off the roll by days still to come; a past month counts all its workdays. Given
 * the days that had a reading, a workday without one does not count either: nobody could check in.
 */
export function countedWorkdays(
  days: readonly { date: DayKey; workday: boolean }[],
  today: DayKey,
  window: WindowState,
  readingDays?: ReadonlySet<DayKey>,
): DayKey[] {
  return days
    .filter((d) => d.workday && (d.date < today || (d.date === today && window === 'after')))
    .filter((d) => !readingDays || readingDays.has(d.date))
    .map((d) => d.date);
}

/**
 * Check-ins needed for the honor roll: the threshold share of the counted workdays, rounded up
 * (90 % of 30 is 27, not 28: the product is compared with a little tolerance for binary fractions).
 * No counted workday yet means no roll.
 */
export function honorRollNeeded(threshold: number, workdays: number): number {
  if (workdays <= 0) return 0;
  return Math.max(1, Math.ceil(threshold * workdays - 1e-9));
}

/**
 * Whether a member is on the month's 学习标兵 roll. Only check-ins (and make-ups) on the counted
 * workdays count: `monthCheckins` is the month's counter, `uncountedCheckins` those of them on days that
 * do not count (today while its window is still open; a day the calendar made a holiday afterwards).
 * Counting today's check-in against days that leave today out would put someone who missed a day on
 * the roll.
 */
export function onHonorRoll(
  member: { monthCheckins: number; uncountedCheckins: number },
  countedDays: number,
  threshold: number,
): boolean {
  const needed = honorRollNeeded(threshold, countedDays);
  return needed > 0 && member.monthCheckins - member.uncountedCheckins >= needed;
}

const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export function weekdayLabel(day: DayKey): string {
  return WEEKDAY_LABELS[weekdayOf(day)];
}

/** '3月2日 周一' */
export function dayLabel(day: DayKey): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日 ${weekdayLabel(day)}`;
}

/** Body text → paragraphs: lines are paragraphs, blank lines and stray spaces carry no meaning. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
