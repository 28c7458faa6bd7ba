import { localDayKey, localMinuteOfDay, weekdayOf } from '../../core/time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "2026年3月2日 星期一" for the unit's local day, whatever the phone's time zone. */
export function formatLocalDate(now: Date, timeZone: string): string {
  const day = localDayKey(now, timeZone);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日 星期${WEEKDAYS[weekdayOf(day)]}`;
}

export function greetingFor(now: Date, timeZone: string): string {
  const minute = localMinuteOfDay(now, timeZone);
  if (minute < 5 * 60) return '夜深了';
  if (minute < 9 * 60) return '早上好';
  if (minute < 12 * 60) return '上午好';
  if (minute < 14 * 60) return '中午好';
  if (minute < 18 * 60) return '下午好';
  return '晚上好';
}
