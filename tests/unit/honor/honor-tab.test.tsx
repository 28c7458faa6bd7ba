import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import { HonorTab } from '@/features/honor/HonorTab';
import { resetSession } from '@/features/session/session';
import { boundMe, fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { honorRound, nomination } from './fixtures';

let server: FakeServer;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe()));
  server.on('honor.board', () => ok({ year: 2099, years: [], rounds: [] }));
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

test('while nominating: shows the phase, offers 推荐好人, and seconds a colleague’s nomination', async () => {
  const round = honorRound({ phase: 'nominating' });
  server.on('honor.round.list', () => ok({ items: [round], currentId: round.id }));
  server.on('honor.nominations', () =>
    ok({
      round,
      items: [
        nomination('n-1', 's-5', '陈静', { seconders: 2 }),
        nomination('n-2', 's-31', '孙丽', { relation: ['nominee'], status: 'pending' }),
      ],
    }),
  );
  server.on('honor.second', () =>
    ok({ nomination: nomination('n-1', 's-5', '陈静', { seconders: 3, relation: ['seconder'] }) }),
  );
  render(<HonorTab />);
  expect(await screen.findByText('推荐中')).toBeTruthy();
  expect(screen.getByText('推荐好人')).toBeTruthy();
  expect(await screen.findByText('2 人附议')).toBeTruthy();
  expect(screen.getByText('推荐我的')).toBeTruthy();
  expect(screen.getByText('待审核')).toBeTruthy();
  expect(screen.queryByText('去投票')).toBeNull();
  expect(screen.queryByText('管理评选 ›')).toBeNull();
  fireEvent.click(screen.getByText('附议'));
  await waitFor(() =>
    expect(sent('honor.second')).toEqual([{ action: 'honor.second', input: { nominationId: 'n-1' } }]),
  );
});

test('while voting: offers the ballot until I have voted, then says so', async () => {
  const round = honorRound({ phase: 'voting' });
  server.on('honor.round.list', () => ok({ items: [round], currentId: round.id }));
  server.on('honor.nominations', () =>
    ok({ round, items: [nomination('n-1', 's-5', '陈静', { status: 'approved' })] }),
  );
  const { unmount } = render(<HonorTab />);
  expect(await screen.findByText('去投票')).toBeTruthy();
  expect(await screen.findByText('候选人（1）')).toBeTruthy();
  unmount();

  const voted = honorRound({ phase: 'voting', voted: true });
  server.on('honor.round.list', () => ok({ items: [voted], currentId: voted.id }));
  server.on('honor.nominations', () => ok({ round: voted, items: [] }));
  render(<HonorTab />);
  expect(await screen.findByText('已投票')).toBeTruthy();
  expect(screen.getByText('您已投票，感谢参与')).toBeTruthy();
  expect(screen.queryByText('去投票')).toBeNull();
});

test('without a round under way it says so and still shows the board; admins get the way to manage', async () => {
  server.on('session.me', () => ok(boundMe({ roles: ['staff', 'admin'] })));
  server.on('honor.round.list', () => ok({ items: [], currentId: null }));
  server.on('honor.board', () =>
    ok({
      year: 2099,
      years: [2099],
      rounds: [
        {
          round: { id: 'r-0', title: '上一期好人榜' },
          honorees: [nomination('n-9', 's-9', '吴敏', { category: '社会公德' })],
        },
      ],
    }),
  );
  render(<HonorTab />);
  expect(await screen.findByText(/当前没有进行中的评选/)).toBeTruthy();
  expect(await screen.findByText('吴敏')).toBeTruthy();
  expect(screen.getByText('社会公德')).toBeTruthy();
  expect(screen.getByText('管理评选 ›')).toBeTruthy();
});

test('a failed load shows the server’s message with a retry', async () => {
  server.on('honor.round.list', () => fail('INTERNAL', '系统繁忙，请稍后再试'));
  render(<HonorTab />);
  expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
  expect(screen.getByText('重试')).toBeTruthy();
});
