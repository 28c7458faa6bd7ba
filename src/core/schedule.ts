/** The times every sign-up event carries: volunteer events and activities alike. */
export interface Schedule {
  startAt: string;
  endAt: string;
  signupDeadline: string;
}

/** Where `now` falls: before the deadline, until the start, during, or after the end. */
export type ScheduleStage = 'open' | 'closed' | 'ongoing' | 'over';

export function scheduleStage(s: Schedule, now: Date): ScheduleStage {
  const t = now.getTime();
  if (t < Date.parse(s.signupDeadline)) return 'open';
  if (t < Date.parse(s.startAt)) return 'closed';
  if (t < Date.parse(s.endAt)) return 'ongoing';
  return 'over';
}
