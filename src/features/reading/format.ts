import type { DayState } from '@/core/reading/rules';

/** Display helpers of the reading feature; pure, so that they are tested without rendering. */

/** 65 → '01:05' */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** 20 → '20 分钟', 80 → '1 小时 20 分钟' */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`;
}

export function percentText(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export const DAY_STATE_LABELS: Record<DayState, string> = {
  checked: '已打卡',
  makeup: '补卡',
  missed: '未打卡',
  pending: '待打卡',
  future: '',
  off: '休',
  noReading: '无晨读',
};
