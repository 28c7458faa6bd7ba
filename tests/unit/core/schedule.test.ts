import { activityPhase } from '../../../src/core/activity/rules';
import { scheduleStage } from '../../../src/core/schedule';
import { eventPhase } from '../../../src/core/volunteer/rules';

const s = { signupDeadline: '2026-03-05T10:00:00Z', startAt: '2026-03-06T01:00:00Z', endAt: '2026-03-06T04:00:00Z' };
const at = (iso: string) => new Date(iso);

describe('schedule stages', () => {
  it('turn exactly at the deadline, the start and the end', () => {
    expect(scheduleStage(s, at('2026-03-05T09:59:59.999Z'))).toBe('open');
    expect(scheduleStage(s, at('2026-03-05T10:00:00Z'))).toBe('closed');
    expect(scheduleStage(s, at('2026-03-06T01:00:00Z'))).toBe('ongoing');
    expect(scheduleStage(s, at('2026-03-06T04:00:00Z'))).toBe('over');
  });

  it('name the end as each feature shows it, and cancellation wins', () => {
    expect(activityPhase({ ...s, cancelled: false }, at('2026-03-07T00:00:00Z'))).toBe('ended');
    expect(eventPhase({ ...s, cancelled: false }, at('2026-03-07T00:00:00Z'))).toBe('finished');
    expect(eventPhase({ ...s, cancelled: false }, at('2026-03-05T12:00:00Z'))).toBe('closed');
    expect(activityPhase({ ...s, cancelled: true }, at('2026-03-01T00:00:00Z'))).toBe('cancelled');
    expect(eventPhase({ ...s, cancelled: true }, at('2026-03-01T00:00:00Z'))).toBe('cancelled');
  });
});
