import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { ReadingHomeCard } from '@/features/reading/ReadingHomeCard';
import { fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { NOW, today } from './fixtures';

let server: FakeServer;
beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
});
afterEach(() => jest.restoreAllMocks());

test('shows today’s reading with my state and streak, and opens the 晨读 tab', async () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
  server.on('reading.today', () =>
    ok(
      today({
        streak: 5,
        monthCount: 3,
        checkin: { id: 'c', date: '2027-03-02', readingId: 'r-1', at: NOW, makeup: false, minutes: 20 },
      }),
    ),
  );
  render(<ReadingHomeCard />);
  expect(await screen.findByText('以钉钉子精神抓好工作落实')).toBeTruthy();
  expect(screen.getByText('已打卡')).toBeTruthy();
  expect(screen.getByText('连续打卡 5 天 · 本月 3 次')).toBeTruthy();
  fireEvent.click(screen.getByText('今日晨读'));
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/reading/index' });
});

test('invites to read while the window is open, and says when there is nothing to do', async () => {
  server.on('reading.today', () => ok(today()));
  const { unmount } = render(<ReadingHomeCard />);
  expect(await screen.findByText('去阅读 ›')).toBeTruthy();
  unmount();
  server.on('reading.today', () => ok(today({ reading: null, workday: false })));
  render(<ReadingHomeCard />);
  expect(await screen.findByText('今天不是工作日')).toBeTruthy();
  expect(screen.getByText('无需打卡')).toBeTruthy();
});

test('shows the server’s message when loading fails, and retries', async () => {
  server.on('reading.today', () => fail('INTERNAL', '系统繁忙，请稍后再试'));
  render(<ReadingHomeCard />);
  expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
  server.on('reading.today', () => ok(today({ reading: null })));
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('今日暂无晨读')).toBeTruthy();
});
