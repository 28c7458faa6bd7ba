import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { PHASE_LABELS, type HonorPhase } from '@/core/honor/rules';
import type { HonorStatus } from '@/core/honor/contract';

dayjs.extend(utc);
dayjs.extend(timezone);

/** An instant as the unit reads it: "3月6日 18:00", with the year when it is not this year's. */
export function formatInstant(iso: string, timeZone: string, now: Date = new Date()): string {
  const t = dayjs(iso).tz(timeZone);
  const sameYear = t.year() === dayjs(now).tz(timeZone).year();
  return t.format(sameYear ? 'M月D日 HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** A 'YYYY-MM-DD' day as "3月17日". */
export function formatDay(day: string): string {
  const [, m, d] = day.split('-').map(Number);
  return `${m}月${d}日`;
}

export function phaseBadge(phase: HonorPhase): { text: string; tone: '' | 'badge--ok' | 'badge--muted' } {
  const tone = phase === 'published' ? 'badge--ok' : phase === 'cancelled' || phase === 'draft' ? 'badge--muted' : '';
  return { text: PHASE_LABELS[phase], tone };
}

export const STATUS_LABELS: Record<HonorStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};
