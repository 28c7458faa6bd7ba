import { isWorkday } from '../../../src/core/workdays';

describe('workdays', () => {
  it('are Monday to Friday by default', () => {
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => isWorkday(d))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isWorkday('2026-03-07')).toBe(false);
    expect(isWorkday('2026-03-08')).toBe(false);
  });

  it('follow the calendar: a holiday is off, a 调休 Saturday is on', () => {
    expect(isWorkday('2026-10-01', { workday: false })).toBe(false);
    expect(isWorkday('2026-10-10', { workday: true })).toBe(true);
  });
});
