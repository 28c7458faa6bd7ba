import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { CalendarDay } from '@/core/settings/views';
import { daysOfMonth, weekdayOf } from '@/core/time';
import { CalendarPage } from '@/features/admin/calendar/CalendarPage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const HOLIDAY = { workday: false, name: '国庆节' };
const MAKEUP = { workday: true, name: '国庆节' };

function october(over: Record<string, CalendarDay> = {}): CalendarDay[] {
  return daysOfMonth('2026-10').map((date) => {
    if (over[date]) return over[date];
    if (date <= '2026-10-07') return { date, workday: false, override: false, source: 'official', official: HOLIDAY };
    if (date === '2026-10-10') return { date, workday: true, override: false, source: 'official', official: MAKEUP };
    const wd = weekdayOf(date);
    return { date, workday: wd >= 1 && wd <= 5, override: false, source: 'weekday' };
  });
}

let server: FakeServer;
beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe({ id: 's-1', staffNo: 'T0001', name: '李明', roles: ['staff', 'admin'] })));
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});
afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

async function openOctober() {
  render(<CalendarPage />);
  await screen.findByText(/年\d+月/);
  // The page opens on the real month: step to 2026-10 from wherever that is.
  for (let i = 0; i < 240 && !screen.queryByText('2026年10月'); i++) {
    const [y = 0, m = 0] = (screen.getByText(/^\d+年\d+月$/).textContent?.match(/\d+/g) ?? []).map(Number);
    fireEvent.click(screen.getByText(y * 12 + m > 2026 * 12 + 10 ? '‹ 上月' : '下月 ›'));
  }
  await screen.findAllByText('法定');
}

test('marks official holidays 法定 and the 调休 Saturday, with a legend', async () => {
  server.on('calendar.month', (input) => {
    const { month } = input as { month: string };
    return ok({ month, days: month === '2026-10' ? october() : [], officialKnown: true });
  });
  await openOctober();
  // Seven holiday cells and the legend's key.
  expect(screen.getAllByText('法定')).toHaveLength(8);
  expect(screen.getAllByText('调休')).toHaveLength(2);
  expect(screen.getByText('本单位的调整（优先于国务院安排）')).toBeTruthy();
});

test('an overridden official day can be returned to the schedule with calendar.clear', async () => {
  const overridden: CalendarDay = {
    date: '2026-10-06',
    workday: true,
    override: true,
    source: 'unit',
    official: HOLIDAY,
    note: '值班',
  };
  server.on('calendar.month', (input) => {
    const { month } = input as { month: string };
    return ok({ month, days: month === '2026-10' ? october({ '2026-10-06': overridden }) : [], officialKnown: true });
  });
  server.on('calendar.clear', () =>
    ok({ date: '2026-10-06', workday: false, override: false, source: 'official', official: HOLIDAY }),
  );
  await openOctober();
  fireEvent.click(screen.getByText('值班'));
  expect(await screen.findByText('国务院安排：国庆节放假。本单位已调整为上班。')).toBeTruthy();
  fireEvent.click(screen.getByText('恢复为国务院安排'));
  await waitFor(() => expect(server.calls.filter((c) => c.action === 'calendar.clear')).toHaveLength(1));
  expect(await screen.findByText('国务院安排：国庆节放假。本单位未调整。')).toBeTruthy();
  expect(server.calls.find((c) => c.action === 'calendar.clear')?.input).toEqual({ date: '2026-10-06' });
});

test('says when the schedule does not cover the year', async () => {
  server.on('calendar.month', (input) => {
    const { month } = input as { month: string };
    return ok({ month, days: month === '2026-10' ? october() : [], officialKnown: month === '2026-10' });
  });
  render(<CalendarPage />);
  expect(await screen.findByText(/尚未收录 \d{4} 年的国务院节假日安排/)).toBeTruthy();
});
