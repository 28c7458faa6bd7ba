import type { AttendanceRow } from '@/core/volunteer/contract';
import { isHalfHourStep, needsNote } from '@/core/volunteer/rules';

/** The organizer's hours column: what to prefill and what to send. */
export interface HoursDraft {
  hours: string;
  note: string;
}

/** Confirmed hours if any, else what the on-site times give, else empty (the organizer decides). */
export function initialDraft(row: AttendanceRow): HoursDraft {
  const hours = row.hours ?? row.computedHours;
  return { hours: hours === null ? '' : String(hours), note: row.note ?? '' };
}

export interface ConfirmPlan {
  entries: { staffId: string; hours: number; note?: string }[];
  /** staffId → a message for that row. */
  errors: Record<string, string>;
}

/** Rows with hours filled in that are new or changed; the same checks the server makes, said early. */
export function planConfirm(
  rows: readonly AttendanceRow[],
  drafts: Record<string, HoursDraft>,
  plannedHours: number,
): ConfirmPlan {
  const plan: ConfirmPlan = { entries: [], errors: {} };
  for (const row of rows) {
    if (row.status !== 'confirmed') continue;
    const draft = drafts[row.staffId] ?? initialDraft(row);
    if (draft.hours.trim() === '') continue;
    const hours = Number(draft.hours);
    const note = draft.note.trim();
    if (!isHalfHourStep(hours) || hours < 0) {
      plan.errors[row.staffId] = '时长应为 0 或正数，以 0.5 小时为单位';
    } else if (hours > plannedHours) {
      plan.errors[row.staffId] = `不能超过计划时长 ${plannedHours} 小时`;
    } else if (needsNote(row.computedHours, hours) && !note) {
      plan.errors[row.staffId] =
        row.computedHours === null ? '没有完整签到签退记录，请填写备注' : '与计算时长不同，请填写备注';
    } else if (row.hours !== hours || (row.note ?? '') !== note) {
      plan.entries.push({ staffId: row.staffId, hours, ...(note ? { note } : {}) });
    }
  }
  return plan;
}
