import { dayMarks, sourceText } from '../../../src/features/admin/calendar/day-marks';

// The work calendar page marks where each day's state comes from.
describe('day marks', () => {
  it('tag official holidays 法定 and official working weekend days 调休, with the holiday name', () => {
    expect(
      dayMarks({
        date: '2026-10-01',
        workday: false,
        override: false,
        source: 'official',
        official: { workday: false, name: '国庆节' },
      }),
    ).toEqual({ state: '休', official: '法定', note: '国庆节' });
    expect(
      dayMarks({
        date: '2026-10-10',
        workday: true,
        override: false,
        source: 'official',
        official: { workday: true, name: '国庆节' },
      }),
    ).toEqual({ state: '班', official: '调休', note: '国庆节' });
    expect(dayMarks({ date: '2026-10-12', workday: true, override: false, source: 'weekday' })).toEqual({
      state: '班',
      official: null,
      note: null,
    });
  });

  it("show the unit's state and note over the schedule, and say both in the editor", () => {
    const day = {
      date: '2026-10-01',
      workday: true,
      override: true,
      source: 'unit' as const,
      official: { workday: false, name: '国庆节' },
      note: '值班',
    };
    expect(dayMarks(day)).toEqual({ state: '班', official: '法定', note: '值班' });
    expect(sourceText(day)).toBe('国务院安排：国庆节放假。本单位已调整为上班。');
    expect(sourceText({ date: '2027-10-01', workday: true, override: false, source: 'weekday' })).toBe(
      '国务院安排：无（按周一至周五）。本单位未调整。',
    );
  });
});
