import { streakOf } from '../../../src/core/reading/streak';
import { addDays } from '../../../src/core/time';
import { isWorkday } from '../../../src/core/workdays';

const weekdays = (day: string) => isWorkday(day);
const streak = (today: string, checked: string[], workday = weekdays) =>
  streakOf({ today, checked: new Set(checked), isWorkday: workday, loadedFrom: null }).streak;

// 2026-03-02 is a Monday.
describe('streaks', () => {
  it('counts consecutive workdays ending today', () => {
    expect(streak('2026-03-04', ['2026-03-02', '2026-03-03', '2026-03-04'])).toBe(3);
  });

  it('ends on the last workday before today while today is not yet done', () => {
    expect(streak('2026-03-04', ['2026-03-02', '2026-03-03'])).toBe(2);
  });

  it('is broken by a missed workday', () => {
    expect(streak('2026-03-05', ['2026-03-02', '2026-03-04', '2026-03-05'])).toBe(2);
    expect(streak('2026-03-05', ['2026-03-02', '2026-03-03'])).toBe(0);
  });

  it('is neither broken nor extended by a weekend', () => {
    expect(streak('2026-03-09', ['2026-03-05', '2026-03-06', '2026-03-09'])).toBe(3);
    expect(streak('2026-03-08', ['2026-03-05', '2026-03-06'])).toBe(2); // Sunday
    // A check-in on a day later made a holiday does not count.
    const holiday = (d: string) => d !== '2026-03-05' && weekdays(d);
    expect(streak('2026-03-06', ['2026-03-04', '2026-03-05', '2026-03-06'], holiday)).toBe(2);
  });

  it('skips holidays and counts a 调休 Saturday', () => {
    // 10-01..10-08 off (国庆), Saturday 10-10 on (调休).
    const calendar = (d: string) =>
      d >= '2026-10-01' && d <= '2026-10-08' ? false : d === '2026-10-10' ? true : weekdays(d);
    expect(streak('2026-10-12', ['2026-09-30', '2026-10-09', '2026-10-10', '2026-10-12'], calendar)).toBe(4);
    // Missing the 调休 Saturday breaks the run like any workday.
    expect(streak('2026-10-12', ['2026-09-30', '2026-10-09', '2026-10-12'], calendar)).toBe(1);
  });

  it('runs across month and year ends', () => {
    expect(streak('2027-01-04', ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-04'])).toBe(4);
  });

  it('asks for older records when the run reaches the first one loaded', () => {
    const days: string[] = [];
    for (let d = '2026-03-27'; days.length < 10; d = addDays(d, -1)) if (weekdays(d)) days.push(d);
    const partial = streakOf({ today: '2026-03-27', checked: new Set(days), isWorkday: weekdays, loadedFrom: days[9] });
    expect(partial).toEqual({ streak: 10, complete: false, need: 'older' });
    const whole = streakOf({ today: '2026-03-27', checked: new Set(days), isWorkday: weekdays, loadedFrom: null });
    expect(whole).toEqual({ streak: 10, complete: true });
  });

  it('is not broken by a workday without a reading, and asks about such a day only at a gap', () => {
    const checked = new Set(['2026-03-02', '2026-03-04', '2026-03-05']);
    const base = { today: '2026-03-05', checked, isWorkday: weekdays, loadedFrom: null };
    expect(streakOf({ ...base, hadReading: () => undefined })).toEqual({
      streak: 2,
      complete: false,
      need: 'reading',
      day: '2026-03-03',
    });
    expect(streakOf({ ...base, hadReading: (d) => d !== '2026-03-03' }).streak).toBe(3);
    expect(streakOf({ ...base, hadReading: () => true }).streak).toBe(2);
  });

  it('is zero without any check-in', () => {
    expect(streak('2026-03-04', [])).toBe(0);
  });
});
