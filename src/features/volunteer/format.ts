import type { MyVolunteerState, VolunteerEventView } from '@/core/volunteer/contract';
import { formatDateTime, formatEventTime, formatHours, PHASE_LABELS } from '@/core/volunteer/rules';

/** Words and badges of the volunteer screens, from the views alone. */

export function phaseBadge(view: VolunteerEventView): { text: string; tone: '' | 'ok' | 'muted' } {
  const text = PHASE_LABELS[view.phase];
  if (view.phase === 'open') return { text, tone: 'ok' };
  if (view.phase === 'ongoing') return { text, tone: '' };
  return { text, tone: 'muted' };
}

export function seatsText(view: VolunteerEventView): string {
  if (view.seatsLeft > 0 && view.waitingCount === 0) return `剩余 ${view.seatsLeft} / ${view.capacity} 个名额`;
  return view.waitingCount > 0 ? `名额已满 · ${view.waitingCount} 人候补` : `名额已满（共 ${view.capacity} 个）`;
}

export function myStatusText(mine: MyVolunteerState | null): string | null {
  if (!mine) return null;
  if (mine.status === 'confirmed') return '已报名';
  if (mine.status === 'waitlisted') return mine.position ? `候补第 ${mine.position} 位` : '候补中';
  return '已取消报名';
}

export function timeText(view: Pick<VolunteerEventView, 'startAt' | 'endAt'>, timeZone: string): string {
  return formatEventTime(view.startAt, view.endAt, timeZone);
}

export function deadlineText(view: VolunteerEventView, timeZone: string): string {
  return `报名截止 ${formatDateTime(view.signupDeadline, timeZone)}`;
}

export { formatDateTime, formatHours };
