import { addDays } from '../time';

/** The pure rules of an export's period, shared by the admin form (checks before sending) and the server. */

/**
 * The longest period one export covers: a whole year, a leap year included. A longer one would still be
 * bounded by the indexes, but it is what the 创建台账 asks for, and it keeps the file (returned inline by
 * the cloud function) to a size the platform accepts.
 */
export const MAX_PERIOD_DAYS = 366;

/** Days from `from` to `to`, both included (0 when `to` is before `from`). Both are valid day keys. */
export function periodDays(from: string, to: string): number {
  if (to < from) return 0;
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) + 1;
}

/** The calendar months a period touches, in order ('YYYY-MM'). */
export function periodMonths(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** Whether a month lies wholly inside the period (its first and last day both in it). */
export function wholeMonthIn(month: string, from: string, to: string): boolean {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const last = addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
  return first >= from && last <= to;
}

/** Why a period cannot be exported (a Chinese message), or null when it can. */
export function periodProblem(from: string, to: string): string | null {
  if (to < from) return '结束日期不能早于开始日期';
  if (periodDays(from, to) > MAX_PERIOD_DAYS) return `导出期间最长 ${MAX_PERIOD_DAYS} 天，请缩短期间`;
  return null;
}
