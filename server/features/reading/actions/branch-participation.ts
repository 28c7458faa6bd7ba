import type { BranchParticipation } from '../../../../src/core/reading/contract';
import { countedWorkdays, type WindowState } from '../../../../src/core/reading/rules';
import { compareBranches } from '../../../../src/core/people/branch';
import type { BranchCountDoc } from '../../people';
import type { CheckinDayDoc, CheckinDeptMonthDoc } from '../collections';
import { branchDays, branchMonths } from '../counters';

export interface BranchInputs {
  days: { date: string; workday: boolean }[];
  today: string;
  window: WindowState;
  unitDates: ReadonlySet<string>;
  /** Each branch's own reading days of the month. */
  branchDates: ReadonlyMap<string, ReadonlySet<string>>;
  counts: ReadonlyMap<string, BranchCountDoc>;
  dayDocs: readonly CheckinDayDoc[];
  monthDocs: readonly CheckinDeptMonthDoc[];
  /** Only this branch (a branch secretary's), or every branch (null). */
  only: string | null;
}

/** Participation per party branch, from the department-and-branch counters and the branch counts. */
export function byBranch(x: BranchInputs): BranchParticipation[] {
  const days = branchDays(x.dayDocs);
  const months = new Map(branchMonths(x.monthDocs).map((m) => [m.branch, m]));
  const names = new Set([...x.counts.keys(), ...months.keys()]);
  return [...names]
    .filter((b) => x.only === null || b === x.only)
    .sort(compareBranches)
    .map((branch) => {
      const readings = new Set([...x.unitDates, ...(x.branchDates.get(branch) ?? [])]);
      const counted = new Set(countedWorkdays(x.days, x.today, x.window, readings));
      const onCounted = days
        .filter((d) => d.branch === branch && counted.has(d.date))
        .reduce((n, d) => n + d.checkins, 0);
      const headcount = x.counts.get(branch)?.active ?? 0;
      const month = months.get(branch);
      return {
        branch,
        headcount,
        workdays: counted.size,
        participants: month?.participants ?? 0,
        checkins: month?.checkins ?? 0,
        makeups: month?.makeups ?? 0,
        rate: headcount * counted.size <= 0 ? 0 : Math.min(1, onCounted / (headcount * counted.size)),
      };
    });
}
