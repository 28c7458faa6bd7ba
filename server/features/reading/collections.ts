import type { CollectionSpecs } from '../../kernel/feature';

/** Morning readings, check-ins and the counters kept on write for archives, honor roll and rates. */

/**
 * A reading of the whole unit (collection `readings`, one per local day) or of one party branch
 * (`branchReadings`, one per day and branch, `branch` set). Two collections rather than one with a
 * scope field: a store from before branches keeps its unique key on the date as it is, with nothing
 * to fill in, and every unit-wide read stays the one it was.
 */
export interface ReadingDoc {
  _id: string;
  /** One reading per local day (and branch): a unique key. */
  date: string;
  /** Only on a branch's reading. */
  branch?: string;
  month: string;
  title: string;
  body: string;
  /** '' when none. */
  source: string;
  publishedBy: string;
  publishedAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** When a member first opened a reading: `_id` is `<readingId>:<staffId>`, so only the first insert wins. */
export interface ReadingOpenDoc {
  _id: string;
  readingId: string;
  staffId: string;
  openedAt: string;
}

export interface CheckinDoc {
  _id: string;
  staffId: string;
  staffNo: string;
  /** The member's department when checking in: counters stay with it if they move later. */
  department: string;
  /** The member's party branch when checking in, if any: the same for the branch's counters. */
  branch?: string;
  /** The local day checked in for: unique with staffId. */
  date: string;
  month: string;
  year: number;
  readingId: string;
  /** When it was recorded. */
  at: string;
  makeup: boolean;
  /**
   * Make-ups only: `<staffId>:<month>:<n>`, n = 1..quota. A unique key, so that two make-ups sent
   * at once cannot both take the last slot of the month's quota.
   */
  makeupSlot?: string;
  reason?: string;
  note?: string;
  minutes: number;
  /**
   * The streak this check-in ends (itself included on a workday), counted at the calendar's
   * revision `runRevision` (settings/revision.ts); -1 marks it to be counted again (a make-up
   * before it). Absent on records written before runs were kept: counted on first read.
   */
  run?: number;
  runRevision?: number;
}

/** One member's month: `_id` is `<month>:<staffId>`. Archive and honor roll read these. */
export interface CheckinMonthDoc {
  _id: string;
  staffId: string;
  staffNo: string;
  name: string;
  department: string;
  /** The member's branch at their first check-in of the month: the branch's honor roll reads it. */
  branch?: string;
  month: string;
  year: number;
  checkins: number;
  makeups: number;
  minutes: number;
}

/** One department's day: `_id` is `<date>:<department>`. */
/**
 * The check-ins of one department's members of one branch (or of none) on one day: a department's
 * figures are the sum over its branches, a branch's the sum over its departments.
 */
export interface CheckinDayDoc {
  _id: string;
  date: string;
  month: string;
  department: string;
  branch?: string;
  checkins: number;
  makeups: number;
}

/** One department's month: `_id` is `<month>:<department>`; participants = members with ≥ 1 check-in. */
export interface CheckinDeptMonthDoc {
  _id: string;
  month: string;
  department: string;
  branch?: string;
  checkins: number;
  makeups: number;
  participants: number;
}

export interface ReadingCollections {
  branchReadings: ReadingDoc;
  readings: ReadingDoc;
  readingOpens: ReadingOpenDoc;
  checkins: CheckinDoc;
  checkinMonths: CheckinMonthDoc;
  checkinDays: CheckinDayDoc;
  checkinDeptMonths: CheckinDeptMonthDoc;
}

export const READING_COLLECTIONS: CollectionSpecs<ReadingCollections> = {
  readings: { unique: [['date']], indexes: [['month']] },
  branchReadings: { unique: [['date', 'branch']], indexes: [['month'], ['branch', 'date']] },
  readingOpens: {},
  // month: the nightly recount reads this month and the last.
  checkins: {
    unique: [['staffId', 'date'], ['makeupSlot']],
    indexes: [['staffId', 'month'], ['readingId'], ['month']],
  },
  checkinMonths: {
    indexes: [
      ['staffId', 'year'],
      ['month', 'checkins'],
      // the honor roll's pages, in staff-number order: the unit's, and a branch's
      ['month', 'staffNo'],
      ['month', 'branch', 'staffNo'],
    ],
  },
  checkinDays: { indexes: [['month']] },
  checkinDeptMonths: { indexes: [['month']] },
};
