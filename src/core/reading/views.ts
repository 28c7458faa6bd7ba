import type { CheckinMark, DayState, WindowState } from './rules';
import type { DayKey, MonthKey } from '../time';

/** What the morning-reading actions answer with (DESIGN.md §4). */

export interface ReadingView {
  id: string;
  date: DayKey;
  title: string;
  /** Paragraphs separated by line breaks. */
  body: string;
  source?: string;
  /** A party branch's reading; absent on the unit's. */
  branch?: string;
  publishedAt: string;
  updatedAt: string;
}

export interface ReadingSummary {
  id: string;
  date: DayKey;
  title: string;
  source?: string;
  /** A party branch's reading; absent on the unit's. */
  branch?: string;
  /** My check-in for that day, if any. */
  mine: CheckinMark | null;
  /** Secretary and admin only: check-ins recorded for the day, make-ups included. */
  checkins?: number;
}

export interface CheckinView {
  id: string;
  date: DayKey;
  readingId: string;
  /** When it was recorded (server time). */
  at: string;
  makeup: boolean;
  note?: string;
  reason?: string;
  /** Study minutes credited. */
  minutes: number;
}

export interface ReadingToday {
  date: DayKey;
  /** The server's clock: the client's reading timer runs on it, not on the phone's. */
  now: string;
  workday: boolean;
  /** The calendar's note for today (a holiday's name, 调休). */
  calendarNote?: string;
  window: { start: string; end: string; state: WindowState };
  minReadingSeconds: number;
  reading: ReadingView | null;
  /** When I first opened today's reading. */
  openedAt: string | null;
  checkin: CheckinView | null;
  streak: number;
  /** My check-ins this month, make-ups included. */
  monthCount: number;
  makeupsLeft: number;
}

export interface ReadingOpened {
  openedAt: string;
  now: string;
  /** From when a check-in is accepted. */
  readyAt: string;
  already?: boolean;
}

export interface CheckinResult {
  checkin: CheckinView;
  streak: number;
  monthCount: number;
  already?: boolean;
}

export interface MakeupResult extends CheckinResult {
  /** Make-ups still allowed in the month of the day made up. */
  makeupsLeft: number;
}

export interface CalendarEntry {
  date: DayKey;
  workday: boolean;
  hasReading: boolean;
  state: DayState;
  /** A make-up would be accepted now (date, days back, quota). */
  canMakeup: boolean;
  note?: string;
}

export interface CheckinCalendar {
  month: MonthKey;
  today: DayKey;
  days: CalendarEntry[];
  checkins: number;
  makeups: number;
  minutes: number;
  makeupsPerMonth: number;
  makeupsLeft: number;
  makeupDaysBack: number;
}

export interface StudyTotals {
  checkins: number;
  makeups: number;
  minutes: number;
}

export interface StudyArchive {
  year: number;
  staff: { id: string; staffNo: string; name: string; department: string };
  months: (StudyTotals & { month: MonthKey })[];
  total: StudyTotals;
}

export interface HonorRollEntry {
  staffNo: string;
  name: string;
  department: string;
}

export interface HonorRoll {
  month: MonthKey;
  /** False when the unit's ranking mode is 'off': nothing is shown. */
  enabled: boolean;
  /** The month is still running: judged on the workdays that have passed. */
  provisional: boolean;
  /** Workdays the threshold was applied to. */
  workdays: number;
  threshold: number;
  /**
   * Check-ins needed (0 when no workday has passed yet): of the branch read, or of the unit's own
   * members (a branch with readings of its own counts those days too).
   */
  needed: number;
  /** The branch whose roll this is; absent for the whole unit's. */
  branch?: string;
  /** In staff-number order: no ranks, no times, no counts; at most HONOR_ROLL_PAGE of them. */
  items: HonorRollEntry[];
  /** The `after` of the next page; null on the last. */
  next: string | null;
}

export interface DepartmentParticipation {
  department: string;
  /** Active members of the department today. */
  headcount: number;
  /** Members with at least one check-in in the month. */
  participants: number;
  checkins: number;
  makeups: number;
  /** Check-ins on counted workdays ÷ (headcount × counted workdays), 0..1. */
  rate: number;
}

export interface DayParticipation {
  date: DayKey;
  /** False for a day the calendar made a holiday after check-ins were recorded on it. */
  workday: boolean;
  checkins: number;
  makeups: number;
  /** Check-ins ÷ active members, 0..1. */
  rate: number;
  departments: { department: string; checkins: number }[];
}

/**
 * One party branch's month, as a department's: its rate counts the workdays with a reading for the
 * branch (the unit's or its own) that have passed.
 */
export interface BranchParticipation extends Omit<DepartmentParticipation, 'department'> {
  branch: string;
  workdays: number;
}

export interface Participation {
  month: MonthKey;
  /** Workdays with a reading (the unit's or any branch's) that have passed (see countedWorkdays). */
  workdays: number;
  headcount: number;
  total: DepartmentParticipation;
  departments: DepartmentParticipation[];
  /** Per party branch: every branch for an admin or a secretary of no branch, their own for a branch's secretary. */
  byBranch: BranchParticipation[];
  days: DayParticipation[];
}
