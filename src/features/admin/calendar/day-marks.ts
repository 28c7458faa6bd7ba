import type { CalendarDay } from '../../../core/settings/views';

/**
 * How a day of the work calendar is marked: 班/休, the official schedule's tag (法定 for a State
 * Council holiday, 调休 for its working weekend day) and the text under the number.
 */
export interface DayMarks {
  state: '班' | '休';
  official: '法定' | '调休' | null;
  note: string | null;
}

export function dayMarks(day: CalendarDay): DayMarks {
  return {
    state: day.workday ? '班' : '休',
    official: day.official ? (day.official.workday ? '调休' : '法定') : null,
    note: day.note ?? day.official?.name ?? null,
  };
}

/** One sentence on where the day's state comes from, for the editor. */
export function sourceText(day: CalendarDay): string {
  const official = day.official
    ? `国务院安排：${day.official.name}${day.official.workday ? '调休上班' : '放假'}`
    : '国务院安排：无（按周一至周五）';
  if (day.source !== 'unit') return `${official}。本单位未调整。`;
  return `${official}。本单位已调整为${day.workday ? '上班' : '休息'}。`;
}
