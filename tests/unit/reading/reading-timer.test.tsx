import { act, fireEvent, render, screen } from '@testing-library/react';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import { ReadingPage } from '@/features/reading/ReadingPage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { buttonOf, isDisabled, NOW, today, typeInto } from './fixtures';

// Its own file: fake timers would leak into the Taro components of later tests in the same file.
let server: FakeServer;
beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe()));
});
afterEach(() => {
  jest.useRealTimers();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);
const button = (label: string | RegExp) => buttonOf(screen.getByText(label));

test('the reading timer runs on the server clock and enables the check-in after the minimum time', async () => {
  // The phone's own clock is years off: only the server's time counts.
  jest.useFakeTimers({ now: new Date('2020-01-01T00:00:00Z') });
  server.on('reading.today', () => ok(today()));
  server.on('reading.open', () => ok({ openedAt: NOW, now: NOW, readyAt: '2027-03-01T23:31:00.000Z' }));
  server.on('checkin.submit', () =>
    ok({
      checkin: { id: 'c-1', date: '2027-03-02', readingId: 'r-1', at: NOW, makeup: false, minutes: 20, note: '有收获' },
      streak: 4,
      monthCount: 2,
    }),
  );
  render(<ReadingPage />);

  expect(await screen.findByText('第二段。')).toBeTruthy();
  expect(await screen.findByText('再读 60 秒可打卡')).toBeTruthy();
  expect(sent('reading.open')).toEqual([{ action: 'reading.open', input: { readingId: 'r-1' } }]);
  expect(isDisabled(button(/再读/))).toBe(true);

  act(() => jest.advanceTimersByTime(30_000));
  expect(screen.getByText(/再读 (29|30) 秒可打卡/)).toBeTruthy();
  expect(screen.getByText(/^00:(29|30)$/)).toBeTruthy();
  fireEvent.click(button(/再读/));
  expect(sent('checkin.submit')).toHaveLength(0);

  act(() => jest.advanceTimersByTime(31_000));
  const ready = button('打卡');
  expect(isDisabled(ready)).toBe(false);
  expect(ready.getAttribute('data-ready')).toBe('yes');

  await typeInto('写一句学习心得（选填）', '  有收获 ');
  fireEvent.click(ready);
  expect(await screen.findByText('✓ 今日已打卡')).toBeTruthy();
  expect(sent('checkin.submit')).toEqual([{ action: 'checkin.submit', input: { readingId: 'r-1', note: '有收获' } }]);
  expect(screen.getByText('心得：有收获')).toBeTruthy();
  expect(screen.getByText('4')).toBeTruthy(); // the streak after checking in
});
