import { formatLocalDate, greetingFor } from '../../../src/features/home/greeting';

test('the date is the unit’s local day, not the server’s or phone’s', () => {
  // 2026-03-01T23:30Z is already Monday 2 March in Shanghai.
  const now = new Date('2026-03-01T23:30:00Z');
  expect(formatLocalDate(now, 'Asia/Shanghai')).toBe('2026年3月2日 星期一');
  expect(formatLocalDate(now, 'Europe/London')).toBe('2026年3月1日 星期日');
  expect(greetingFor(now, 'Asia/Shanghai')).toBe('早上好');
});
