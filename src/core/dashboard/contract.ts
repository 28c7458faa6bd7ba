import * as z from 'zod/mini';
import { ADMIN, privilegedRead } from '../contract/define';
import { monthKey } from '../contract/fields';

export const dashboardSummaryInput = z.strictObject({ month: monthKey });

export const dashboardActions = {
  'dashboard.summary': privilegedRead(dashboardSummaryInput, ADMIN),
} as const;

/** One party branch's morning reading in the month, on its own reading days (see BranchParticipation). */
export interface BranchRate {
  branch: string;
  headcount: number;
  participants: number;
  rate: number;
}

/** One department's morning reading in the month: the share of its members' counted workdays checked in. */
export interface DepartmentRate {
  department: string;
  headcount: number;
  participants: number;
  rate: number;
}

export interface MonthHours {
  /** YYYY-MM */
  month: string;
  hours: number;
  services: number;
}

/** What the office's dashboard shows for a month (and that month's year), every figure from counters. */
export interface DashboardSummary {
  month: string;
  year: number;
  activeMembers: number;
  /** `branches`: per party branch, each on its own reading days; empty in a unit without branches. */
  reading: { workdays: number; rate: number; departments: DepartmentRate[]; branches: BranchRate[] };
  volunteer: {
    months: MonthHours[];
    hours: number;
    services: number;
    /** Members with at least one confirmed service in the year. */
    volunteers: number;
    /** volunteers ÷ active members. */
    volunteerRate: number;
    hoursPerPerson: number;
    targetHours: number;
  };
  open: { rounds: number; events: number; activities: number };
  mailbox: { unanswered: number };
}

export interface DashboardOutputs {
  'dashboard.summary': DashboardSummary;
}
