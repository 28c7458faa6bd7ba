import { baseWorkday, isWorkday, resolveDay } from '../../../src/core/workdays';

// The merge of DESIGN.md §5: the unit's entry over the official schedule over Monday–Friday.
const HOLIDAY = { workday: false, name: '国庆节' };
const MAKEUP_SATURDAY = { workday: true, name: '国庆节' };

describe('workdays', () => {
  it('are Monday to Friday without the schedule or an entry', () => {
    expect(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => isWorkday(d))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(isWorkday('2026-03-07')).toBe(false);
    expect(isWorkday('2026-03-08')).toBe(false);
    expect(resolveDay('2026-03-07')).toEqual({ workday: false, source: 'weekday', baseWorkday: false });
  });

  it('follow the official schedule: a 法定 holiday on a Thursday is off, a 调休 Saturday is on', () => {
    expect(resolveDay('2026-10-01', null, HOLIDAY)).toEqual({ workday: false, source: 'official', baseWorkday: false });
    expect(resolveDay('2026-10-10', null, MAKEUP_SATURDAY)).toEqual({
      workday: true,
      source: 'official',
      baseWorkday: true,
    });
  });

  it("let the unit's entry win over the schedule both ways", () => {
    expect(resolveDay('2026-10-01', { workday: true }, HOLIDAY)).toEqual({
      workday: true,
      source: 'unit',
      baseWorkday: false,
    });
    expect(resolveDay('2026-10-10', { workday: false }, MAKEUP_SATURDAY)).toEqual({
      workday: false,
      source: 'unit',
      baseWorkday: true,
    });
    // And over Monday–Friday, where the schedule says nothing.
    expect(isWorkday('2027-10-01', { workday: false })).toBe(false);
    expect(isWorkday('2027-10-09', { workday: true })).toBe(true);
  });

  it('fall back to Monday–Friday where the schedule has no entry (e.g. a year it does not cover)', () => {
    expect(baseWorkday('2027-10-01', undefined)).toBe(true); // a Friday
    expect(baseWorkday('2027-10-02', undefined)).toBe(false); // a Saturday
  });
});
