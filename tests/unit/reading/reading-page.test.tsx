import { fireEvent, render, screen } from '@testing-library/react';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import { ReadingPage } from '@/features/reading/ReadingPage';
import { resetSession } from '@/features/session/session';
import { boundMe, fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { isDisabled, NOW, today, typeInto } from './fixtures';

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
test('a refusal shows the server’s message', async () => {
  const opened = '2027-03-01T23:28:00.000Z';
  server.on('reading.today', () => ok(today({ openedAt: opened })));
  server.on('reading.open', () =>
    ok({ openedAt: opened, now: NOW, readyAt: '2027-03-01T23:29:00.000Z', already: true }),
  );
  server.on('checkin.submit', () => fail('RULE', '今日打卡时段（06:00–09:30）已结束，可以补卡'));
  render(<ReadingPage />);
  const ready = await screen.findByText('打卡');
  fireEvent.click(ready);
  expect(await screen.findByText('今日打卡时段（06:00–09:30）已结束，可以补卡')).toBeTruthy();
  expect(screen.queryByText('✓ 今日已打卡')).toBeNull();
});

test('a note over the unit’s limit keeps the button disabled', async () => {
  const opened = '2027-03-01T23:28:00.000Z';
  server.on('session.me', () => {
    const me = boundMe();
    return ok({ ...me, settings: { ...me.settings, noteMaxLength: 5 } });
  });
  server.on('reading.today', () => ok(today({ openedAt: opened })));
  server.on('reading.open', () => ok({ openedAt: opened, now: NOW, readyAt: NOW, already: true }));
  render(<ReadingPage />);
  await screen.findByText('打卡');
  expect(screen.getByText('0/5')).toBeTruthy();
  await typeInto('写一句学习心得（选填）', '一二三四五六');
  const counter = await screen.findByText('6/5');
  expect(counter.className).toContain('is-over');
  const button = screen.getByText('打卡').closest('taro-button-core') as HTMLElement;
  expect(isDisabled(button)).toBe(true);
  fireEvent.click(button);
  expect(server.calls.filter((c) => c.action === 'checkin.submit')).toHaveLength(0);
});

test('says when there is no reading today, and when today is not a workday', async () => {
  server.on('reading.today', () => ok(today({ reading: null })));
  const { unmount } = render(<ReadingPage />);
  expect(await screen.findByText('今日暂无晨读')).toBeTruthy();
  unmount();
  resetSession();
  server.on('reading.today', () => ok(today({ workday: false, calendarNote: '国庆节' })));
  render(<ReadingPage />);
  expect(await screen.findByText('今天不是工作日（国庆节），无需打卡。')).toBeTruthy();
  expect(sent('reading.open')).toHaveLength(0);
  expect(screen.queryByText(/再读/)).toBeNull();
});

test('after the window it offers a make-up, which needs a reason', async () => {
  server.on('reading.today', () =>
    ok(today({ now: '2027-03-02T02:00:00.000Z', window: { start: '06:00', end: '09:30', state: 'after' } })),
  );
  server.on('reading.open', () =>
    ok({ openedAt: '2027-03-02T02:00:00.000Z', now: '2027-03-02T02:00:00.000Z', readyAt: NOW }),
  );
  server.on('checkin.makeup', () =>
    ok({
      checkin: { id: 'c-2', date: '2027-03-02', readingId: 'r-1', at: NOW, makeup: true, minutes: 20, reason: '开会' },
      streak: 4,
      monthCount: 2,
      makeupsLeft: 1,
    }),
  );
  render(<ReadingPage />);
  fireEvent.click(await screen.findByText('提交补卡'));
  expect(await screen.findByText('请填写补卡原因')).toBeTruthy();
  expect(sent('checkin.makeup')).toHaveLength(0);
  await typeInto('例如：外出开会、出差', '开会');
  fireEvent.click(screen.getByText('提交补卡'));
  expect(await screen.findByText('✓ 今日已补卡')).toBeTruthy();
  expect(sent('checkin.makeup')).toEqual([{ action: 'checkin.makeup', input: { date: '2027-03-02', reason: '开会' } }]);
});
