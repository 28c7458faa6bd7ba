import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { ActivityItemView, EntryStatus } from '../../core/activity/views';

dayjs.extend(utc);
dayjs.extend(timezone);

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "3月2日 周一 09:00" in the unit's time zone, whatever the phone's. */
export function formatWhen(iso: string, timeZone: string): string {
  const t = dayjs(iso).tz(timeZone);
  return `${t.month() + 1}月${t.date()}日 周${WEEKDAYS[t.day()]} ${t.format('HH:mm')}`;
}

/** "3月2日 09:00–11:30", or with both dates when it spans days. */
export function formatSpan(startIso: string, endIso: string, timeZone: string): string {
  const s = dayjs(startIso).tz(timeZone);
  const e = dayjs(endIso).tz(timeZone);
  const start = formatWhen(startIso, timeZone);
  if (s.format('YYYY-MM-DD') === e.format('YYYY-MM-DD')) return `${start}–${e.format('HH:mm')}`;
  return `${start} 至 ${formatWhen(endIso, timeZone)}`;
}

/** The local date and time fields of an instant, for the organizer's form. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const t = dayjs(iso).tz(timeZone);
  return { date: t.format('YYYY-MM-DD'), time: t.format('HH:mm') };
}

/** A local date and time in the unit's zone → an ISO instant with its offset; null when incomplete. */
export function toInstant(date: string, time: string, timeZone: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const t = dayjs.tz(`${date}T${time}:00`, timeZone);
  return t.isValid() ? t.toISOString() : null;
}

export function seatsText(item: Pick<ActivityItemView, 'mode' | 'capacity' | 'seatsLeft' | 'waitlisted'>): string {
  const unit = item.mode === 'team' ? '队' : '人';
  if (item.seatsLeft > 0) return `余 ${item.seatsLeft}/${item.capacity} ${unit}`;
  return item.waitlisted > 0 ? `已满 · 候补 ${item.waitlisted} ${unit}` : `已满 · 可候补`;
}

export const STATUS_LABELS: Record<EntryStatus, string> = {
  confirmed: '已报名',
  waitlisted: '候补中',
  cancelled: '已撤销',
};

export function statusText(status: EntryStatus, position?: number): string {
  return status === 'waitlisted' && position ? `候补第 ${position} 位` : STATUS_LABELS[status];
}

/** Time left until a deadline, roughly, for cards: "还剩 2 天" / "还剩 5 小时" / "即将截止". */
