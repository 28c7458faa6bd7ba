import { monthGrid, monthLabel, shiftMonth } from '../../../src/features/admin/calendar/month-grid';

test('weeks start on Monday and pad both ends', () => {
  // 2026-03-01 is a Sunday: six blanks before it.
  const weeks = monthGrid('2026-03');
  expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
  expect(weeks[1][0]).toBe('2026-03-02');
  expect(weeks.every((w) => w.length === 7)).toBe(true);
  expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  expect(weeks[weeks.length - 1]).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
});

test('months shift across year ends', () => {
  expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  expect(shiftMonth('2025-12', 1)).toBe('2026-01');
  expect(shiftMonth('2026-03', 12)).toBe('2027-03');
  expect(monthLabel('2026-03')).toBe('2026年3月');
});
